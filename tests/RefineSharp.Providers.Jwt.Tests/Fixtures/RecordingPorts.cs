using System.Collections.Concurrent;

namespace RefineSharp.Providers.Jwt.Tests.Fixtures;

/// <summary>Records navigations.</summary>
public sealed class RecordingNavigator : INavigator
{
    public ConcurrentQueue<string> Paths { get; } = new();

    public string CurrentUri { get; set; } = "http://app.local/";

    public void NavigateTo(string path, NavigationKind kind) => Paths.Enqueue(path);
}

/// <summary>Records the notifications opened.</summary>
public sealed class RecordingNotifications : INotificationService
{
    public ConcurrentQueue<AuthNotification> Opened { get; } = new();

    public void Open(AuthNotification notification) => Opened.Enqueue(notification);

    public void Close(string key)
    {
    }
}
