using global::MudBlazor;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RefineSharp.Blazor;

namespace RefineSharp.MudBlazor;

/// <summary>
/// refine's notifications through MudBlazor's snackbar: each <see cref="AuthNotification"/> becomes a snackbar keyed by
/// its key (a newer one with the same key replaces it), success as <see cref="Severity.Success"/>, errors as
/// <see cref="Severity.Error"/>, closed after <see cref="RefineBlazorOptions.SuccessNotificationDuration"/> or
/// <see cref="RefineBlazorOptions.ErrorNotificationDuration"/>. Needs a <c>&lt;MudSnackbarProvider /&gt;</c> in the layout.
/// Every notification is also kept in the <see cref="RefineNotificationStore"/>, which a statically rendered page (a
/// sign-in form post, and the page after its redirect) shows with <see cref="RefineMudNotifications"/>: a snackbar needs
/// an interactive page.
/// </summary>
public sealed class MudSnackbarNotificationService : INotificationService
{
    private readonly Lazy<ISnackbar> _snackbar;
    private readonly RefineBlazorOptions _options;
    private readonly RefineNotificationStore _store;

    /// <summary>Creates the service; normally resolved from DI after <c>AddMudBlazorNotifications()</c>.</summary>
    /// <remarks>
    /// MudBlazor's snackbar needs an initialized NavigationManager, which a request has only once a component renders;
    /// the engine is also resolved earlier (server-side sessions check the session in middleware), so the snackbar is
    /// resolved at the first notification, not here.
    /// </remarks>
    public MudSnackbarNotificationService(IServiceProvider services, RefineNotificationStore store, IOptions<RefineBlazorOptions> options)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(options);
        _store = store;
        _snackbar = new Lazy<ISnackbar>(services.GetRequiredService<ISnackbar>, LazyThreadSafetyMode.PublicationOnly);
        _options = options.Value;
    }

    /// <inheritdoc />
    public void Open(AuthNotification notification)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var success = notification.Type == NotificationType.Success;
        var lifetime = success ? _options.SuccessNotificationDuration : _options.ErrorNotificationDuration;

        // The snackbar first: the store's Changed event re-renders RefineMudNotifications, which leaves out what the
        // snackbar already shows.
        if (Snackbar() is not { } snackbar)
        {
            _store.Open(notification);
            return;
        }

        // MudBlazor keeps the first snackbar of a key and drops a later duplicate; refine replaces it, so remove first.
        snackbar.RemoveByKey(notification.Key);
        snackbar.Add(Message(notification), success ? Severity.Success : Severity.Error, o =>
        {
            o.RequireInteraction = lifetime is not { } due || due <= TimeSpan.Zero;
            if (lifetime is { } visible && visible > TimeSpan.Zero)
            {
                o.VisibleStateDuration = (int)Math.Min(int.MaxValue, visible.TotalMilliseconds);
            }

            o.ShowCloseIcon = true;
            o.SnackbarVariant = Variant.Filled;
        }, notification.Key);
        _store.Open(notification);
    }

    /// <inheritdoc />
    public void Close(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        _store.Close(key);
        Snackbar()?.RemoveByKey(key);
    }

    // Outside a rendering component (middleware, before the page's NavigationManager exists) there is no snackbar to
    // show anything in; a notification then stays in the store only, never an exception thrown into a sign-in.
    private ISnackbar? Snackbar()
    {
        try
        {
            return _snackbar.Value;
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>The snackbar text of <paramref name="notification"/> (title and description).</summary>
    internal static string Message(AuthNotification notification) =>
        string.IsNullOrEmpty(notification.Description) ? notification.Message : $"{notification.Message}: {notification.Description}";
}
