using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace RefineSharp.Tests.TestDoubles;

/// <summary>
/// Builds an <see cref="AuthManager"/> the way an app does (<c>AddLogging().AddRefine(...).AddAuthProvider(...)</c>),
/// with the navigator, the notification service, the clock and the logger replaced by recording fakes.
/// </summary>
public sealed class AuthTestHost : IAsyncDisposable
{
    private AuthTestHost(ServiceProvider root, RecordingNavigator navigator, RecordingNotificationService notifications, RecordingLoggerProvider logs, FakeTimeProvider time)
    {
        Root = root;
        Scope = root.CreateAsyncScope();
        Navigator = navigator;
        Notifications = notifications;
        Logs = logs;
        Time = time;
        Manager = Scope.ServiceProvider.GetRequiredService<AuthManager>();
    }

    public ServiceProvider Root { get; }

    public AsyncServiceScope Scope { get; }

    public AuthManager Manager { get; }

    public RecordingNavigator Navigator { get; }

    public RecordingNotificationService Notifications { get; }

    public RecordingLoggerProvider Logs { get; }

    public FakeTimeProvider Time { get; }

    /// <summary>A host whose provider is the single instance <paramref name="provider"/>.</summary>
    public static AuthTestHost For(AuthProvider provider, Action<RefineOptions>? options = null) =>
        Create(b => b.AddAuthProvider(provider), options);

    /// <summary>A host configured by <paramref name="refine"/> (null: no provider at all).</summary>
    public static AuthTestHost Create(Action<RefineBuilder>? refine, Action<RefineOptions>? options = null, Action<IServiceCollection>? services = null)
    {
        var navigator = new RecordingNavigator();
        var notifications = new RecordingNotificationService();
        var logs = new RecordingLoggerProvider();
        var time = new FakeTimeProvider();
        var collection = new ServiceCollection();
        var builder = collection
            .AddLogging(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace))
            .AddRefine(options);
        refine?.Invoke(builder);
        collection.RemoveAll<INavigator>();
        collection.AddSingleton<INavigator>(navigator);
        collection.RemoveAll<INotificationService>();
        collection.AddSingleton<INotificationService>(notifications);
        collection.RemoveAll<TimeProvider>();
        collection.AddSingleton<TimeProvider>(time);
        services?.Invoke(collection);
        return new AuthTestHost(collection.BuildServiceProvider(validateScopes: true), navigator, notifications, logs, time);
    }

    /// <summary>The error notifications shown so far.</summary>
    public IReadOnlyList<AuthNotification> Errors => [.. Notifications.Opened.Where(n => n.Type == NotificationType.Error)];

    public async ValueTask DisposeAsync()
    {
        await Scope.DisposeAsync();
        await Root.DisposeAsync();
    }
}
