using Microsoft.Extensions.Options;
using Microsoft.FluentUI.AspNetCore.Components;
using RefineSharp.Blazor;
using FluentNotifications = Microsoft.FluentUI.AspNetCore.Components.INotificationService;

namespace RefineSharp.FluentUI;

/// <summary>
/// refine's notifications as Fluent UI toasts: each <see cref="AuthNotification"/> becomes a toast whose id is its key
/// (a newer one with the same key replaces it), success as <see cref="ToastIntent.Success"/>, errors as
/// <see cref="ToastIntent.Error"/>, closed after <see cref="RefineBlazorOptions.SuccessNotificationDuration"/> or
/// <see cref="RefineBlazorOptions.ErrorNotificationDuration"/>. Needs Fluent's providers (<c>&lt;FluentProviders /&gt;</c>) in the layout.
/// Every notification is also kept in the <see cref="RefineNotificationStore"/>, which a statically rendered page (a
/// sign-in form post, and the page after its redirect) shows with <see cref="RefineFluentNotifications"/>: a toast needs
/// an interactive page.
/// </summary>
public sealed class FluentToastNotificationService : RefineSharp.INotificationService
{
    private readonly FluentNotifications _fluent;
    private readonly RefineBlazorOptions _options;
    private readonly RefineNotificationStore _store;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, string> _shown = new(StringComparer.Ordinal);
    private long _sequence;

    /// <summary>Creates the service; normally resolved from DI after <c>AddFluentUINotifications()</c>.</summary>
    public FluentToastNotificationService(FluentNotifications fluent, RefineNotificationStore store, IOptions<RefineBlazorOptions> options)
    {
        ArgumentNullException.ThrowIfNull(fluent);
        ArgumentNullException.ThrowIfNull(store);
        _store = store;
        ArgumentNullException.ThrowIfNull(options);
        _fluent = fluent;
        _options = options.Value;
    }

    /// <inheritdoc />
    public void Open(AuthNotification notification)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var success = notification.Type == NotificationType.Success;
        TimeSpan? lifetime = success ? _options.SuccessNotificationDuration : _options.ErrorNotificationDuration;
        _store.Open(notification);

        // Each toast gets an id of its own (Fluent closes a toast asynchronously, so reusing the key as the id could
        // close the newer one); the key maps to the toast shown last, which replaces the one before.
        string id;
        string? previous;
        lock (_gate)
        {
            id = $"{notification.Key}-{++_sequence}";
            _shown.Remove(notification.Key, out previous);
            _shown[notification.Key] = id;
        }

        if (previous is not null)
        {
            _ = CloseToastAsync(previous);
        }

        _ = ShowAsync(id, notification, success, lifetime);
    }

    /// <inheritdoc />
    public void Close(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        _store.Close(key);
        string? id;
        lock (_gate)
        {
            _shown.Remove(key, out id);
        }

        if (id is not null)
        {
            _ = CloseToastAsync(id);
        }
    }

    // The toast's task completes only when it closes; the engine must not wait for that, and a toast that cannot be
    // shown (no provider rendered, the circuit going away) must not break a sign-in.
    private async Task ShowAsync(string id, AuthNotification notification, bool success, TimeSpan? lifetime)
    {
        try
        {
            await _fluent.ShowToastAsync(o =>
            {
                o.Id = id;
                o.Intent = success ? ToastIntent.Success : ToastIntent.Error;
                o.Title = notification.Message;
                o.Message = notification.Description;
                o.Politeness = success ? ToastPoliteness.Polite : ToastPoliteness.Assertive;
                o.AllowDismiss = true;
                o.Lifetime = lifetime is { } due && due > TimeSpan.Zero ? due : Timeout.InfiniteTimeSpan;
            });
        }
        catch (Exception ex) when (ex is InvalidOperationException or ObjectDisposedException or TaskCanceledException)
        {
            // Notifications are a nicety; see above.
        }
    }

    private async Task CloseToastAsync(string id)
    {
        try
        {
            if (_fluent.GetToastInstance(id) is { } open)
            {
                await _fluent.CloseAsync(open, null!);
            }
        }
        catch (Exception ex) when (ex is InvalidOperationException or ObjectDisposedException or TaskCanceledException)
        {
            // Already gone.
        }
    }
}
