using Microsoft.Extensions.Options;

namespace RefineSharp.Blazor;

/// <summary>
/// The engine's <see cref="INotificationService"/> in Blazor: keeps the open notifications in memory (one store per
/// circuit or browser app) for <see cref="RefineNotifications"/> to render, replaces a notification with the same key,
/// and closes success notifications (and, unless configured otherwise, errors) after a while.
/// </summary>
public sealed class RefineNotificationStore : INotificationService, IDisposable
{
    private readonly TimeProvider _time;
    private readonly RefineBlazorOptions _options;
    private readonly Lock _gate = new();
    private readonly List<AuthNotification> _items = [];
    private readonly Dictionary<string, ITimer> _timers = new(StringComparer.Ordinal);
    private bool _disposed;

    /// <summary>Creates the store; normally resolved from DI after <c>AddBlazor()</c>.</summary>
    public RefineNotificationStore(TimeProvider timeProvider, IOptions<RefineBlazorOptions> options)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(options);
        _time = timeProvider;
        _options = options.Value;
    }

    /// <summary>Raised after a notification was opened, replaced or closed (possibly on a timer thread).</summary>
    public event EventHandler? Changed;

    /// <summary>The open notifications, oldest first.</summary>
    public IReadOnlyList<AuthNotification> Current
    {
        get
        {
            lock (_gate)
            {
                return [.. _items];
            }
        }
    }

    /// <inheritdoc />
    public void Open(AuthNotification notification)
    {
        ArgumentNullException.ThrowIfNull(notification);
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            var index = _items.FindIndex(n => n.Key == notification.Key);
            if (index >= 0)
            {
                _items[index] = notification;
            }
            else
            {
                _items.Add(notification);
            }

            StopTimer(notification.Key);
            var lifetime = notification.Type == NotificationType.Success
                ? _options.SuccessNotificationDuration
                : _options.ErrorNotificationDuration;
            if (lifetime is { } due && due > TimeSpan.Zero)
            {
                _timers[notification.Key] = _time.CreateTimer(Expire, notification, due, Timeout.InfiniteTimeSpan);
            }
        }

        Changed?.Invoke(this, EventArgs.Empty);
    }

    /// <inheritdoc />
    public void Close(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (Remove(n => n.Key == key))
        {
            Changed?.Invoke(this, EventArgs.Empty);
        }
    }

    /// <summary>Stops the timers; the store shows nothing afterwards.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            foreach (var timer in _timers.Values)
            {
                timer.Dispose();
            }

            _timers.Clear();
            _items.Clear();
        }
    }

    private void Expire(object? state)
    {
        // Close only the notification this timer was started for, not a newer one that replaced it under the same key.
        var expired = (AuthNotification)state!;
        if (Remove(n => ReferenceEquals(n, expired)))
        {
            Changed?.Invoke(this, EventArgs.Empty);
        }
    }

    private bool Remove(Predicate<AuthNotification> match)
    {
        lock (_gate)
        {
            var index = _items.FindIndex(match);
            if (index < 0)
            {
                return false;
            }

            StopTimer(_items[index].Key);
            _items.RemoveAt(index);
            return true;
        }
    }

    private void StopTimer(string key)
    {
        if (_timers.Remove(key, out var timer))
        {
            timer.Dispose();
        }
    }
}
