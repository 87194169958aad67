using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace RefineSharp.Blazor;

/// <summary>
/// The engine's <see cref="INavigator"/> on top of <see cref="NavigationManager"/>. Paths are app-relative ("/login"
/// means the login page under the app's base path) and must pass <see cref="LocalRedirect"/>: any other path is refused
/// and logged. A navigation that throws (for example during prerendering) is logged instead of crashing the page.
/// </summary>
internal sealed class NavigationManagerNavigator : INavigator
{
    private readonly NavigationManager _navigation;
    private readonly ILogger _logger;
    private readonly IReadOnlyCollection<string> _fullPageLoadPaths;
    private readonly RefineNotificationStore? _notifications;

    public NavigationManagerNavigator(
        NavigationManager navigation,
        ILogger<NavigationManagerNavigator>? logger = null,
        IOptions<RefineBlazorOptions>? options = null,
        RefineNotificationStore? notifications = null)
    {
        _navigation = navigation;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _fullPageLoadPaths = options?.Value.FullPageLoadPaths.ToArray() ?? [];
        _notifications = notifications;
    }

    public string CurrentUri
    {
        get
        {
            try
            {
                return "/" + _navigation.ToBaseRelativePath(_navigation.Uri);
            }
            catch (Exception ex) when (ex is InvalidOperationException or ArgumentException)
            {
                // Not initialized yet (outside a render) or a URI outside the base: behave as if at the root.
                return "/";
            }
        }
    }

    public void NavigateTo(string path, NavigationKind kind)
    {
        ArgumentNullException.ThrowIfNull(path);
        try
        {
            // NavigationManager gets an absolute URI built from its own base and a path that passed the one redirect
            // rule, never a relative string that a URL parser could read as having a scheme ("javascript:...").
            var fullPageLoad = NeedsFullPageLoad(path);
            if (fullPageLoad && _notifications?.Current.Any(n => n.Key == AuthManager.SessionEndedKey) == true)
            {
                // A page load starts a new scope and its notifications are gone: the "session ended" notice travels
                // as a fixed marker that the next page turns back into the localized notification.
                path = ReturnPaths.Append(path, SessionEndedNotice.Parameter, SessionEndedNotice.Value);
            }

            if (!LocalRedirect.TryResolve(_navigation.BaseUri, path, out var absolute))
            {
                BlazorLog.RedirectRejected(_logger, LocalRedirect.ForLog(path));
                return;
            }

            _navigation.NavigateTo(absolute, forceLoad: fullPageLoad, replace: kind == NavigationKind.Replace);
        }
        catch (Exception ex)
        {
            BlazorLog.NavigationFailed(_logger, LocalRedirect.ForLog(path), ex);
        }
    }

    // Pages excluded from interactive routing (the static sign-in pages of server-side sessions) are not found by an
    // interactive router on a programmatic navigation: they need a real page load.
    private bool NeedsFullPageLoad(string path)
    {
        var end = path.IndexOfAny(['?', '#']);
        var pathOnly = end < 0 ? path : path[..end];
        return _fullPageLoadPaths.Any(p => string.Equals(p, pathOnly, StringComparison.OrdinalIgnoreCase));
    }
}
