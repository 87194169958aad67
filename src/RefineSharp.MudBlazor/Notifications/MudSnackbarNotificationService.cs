using global::MudBlazor;
using Microsoft.Extensions.Options;
using RefineSharp.Blazor;

namespace RefineSharp.MudBlazor;

/// <summary>
/// refine's notifications through MudBlazor's snackbar: each <see cref="AuthNotification"/> becomes a snackbar keyed by
/// its key (a newer one with the same key replaces it), success as <see cref="Severity.Success"/>, errors as
/// <see cref="Severity.Error"/>, closed after <see cref="RefineBlazorOptions.SuccessNotificationDuration"/> or
/// <see cref="RefineBlazorOptions.ErrorNotificationDuration"/>. Needs a <c>&lt;MudSnackbarProvider /&gt;</c> in the layout.
/// </summary>
public sealed class MudSnackbarNotificationService : INotificationService
{
    private readonly ISnackbar _snackbar;
    private readonly RefineBlazorOptions _options;

    /// <summary>Creates the service; normally resolved from DI after <c>AddMudBlazorNotifications()</c>.</summary>
    public MudSnackbarNotificationService(ISnackbar snackbar, IOptions<RefineBlazorOptions> options)
    {
        ArgumentNullException.ThrowIfNull(snackbar);
        ArgumentNullException.ThrowIfNull(options);
        _snackbar = snackbar;
        _options = options.Value;
    }

    /// <inheritdoc />
    public void Open(AuthNotification notification)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var success = notification.Type == NotificationType.Success;
        var lifetime = success ? _options.SuccessNotificationDuration : _options.ErrorNotificationDuration;

        // MudBlazor keeps the first snackbar of a key and drops a later duplicate; refine replaces it, so remove first.
        _snackbar.RemoveByKey(notification.Key);
        _snackbar.Add(Message(notification), success ? Severity.Success : Severity.Error, o =>
        {
            o.RequireInteraction = lifetime is not { } due || due <= TimeSpan.Zero;
            if (lifetime is { } visible && visible > TimeSpan.Zero)
            {
                o.VisibleStateDuration = (int)Math.Min(int.MaxValue, visible.TotalMilliseconds);
            }

            o.ShowCloseIcon = true;
            o.SnackbarVariant = Variant.Filled;
        }, notification.Key);
    }

    /// <inheritdoc />
    public void Close(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        _snackbar.RemoveByKey(key);
    }

    private static string Message(AuthNotification notification) =>
        string.IsNullOrEmpty(notification.Description) ? notification.Message : $"{notification.Message}: {notification.Description}";
}
