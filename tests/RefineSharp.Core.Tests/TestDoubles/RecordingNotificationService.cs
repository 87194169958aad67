using System.Collections.Concurrent;

namespace RefineSharp.Tests.TestDoubles;

/// <summary>An <see cref="INotificationService"/> that records every Open and Close in order.</summary>
public sealed class RecordingNotificationService : INotificationService
{
    private readonly ConcurrentQueue<NotificationCall> _calls = new();

    /// <summary>When set, Open and Close throw it (after recording).</summary>
    public Exception? ThrowOnCall { get; set; }

    public IReadOnlyList<NotificationCall> Calls => [.. _calls];

    public IReadOnlyList<AuthNotification> Opened => [.. _calls.Where(c => c.Notification is not null).Select(c => c.Notification!)];

    public IReadOnlyList<string> Closed => [.. _calls.Where(c => c.Notification is null).Select(c => c.Key)];

    public void Open(AuthNotification notification)
    {
        _calls.Enqueue(new NotificationCall(notification.Key, notification));
        ThrowIfAsked();
    }

    public void Close(string key)
    {
        _calls.Enqueue(new NotificationCall(key, null));
        ThrowIfAsked();
    }

    private void ThrowIfAsked()
    {
        if (ThrowOnCall is { } ex)
        {
            throw ex;
        }
    }
}

/// <summary>One call: Open (with the notification) or Close (notification null).</summary>
public sealed record NotificationCall(string Key, AuthNotification? Notification);
