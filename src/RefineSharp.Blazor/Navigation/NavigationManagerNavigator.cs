using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

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

    public NavigationManagerNavigator(NavigationManager navigation, ILogger<NavigationManagerNavigator>? logger = null)
    {
        _navigation = navigation;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
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
            if (!LocalRedirect.TryResolve(_navigation.BaseUri, path, out var absolute))
            {
                BlazorLog.RedirectRejected(_logger, LocalRedirect.ForLog(path));
                return;
            }

            _navigation.NavigateTo(absolute, forceLoad: false, replace: kind == NavigationKind.Replace);
        }
        catch (Exception ex)
        {
            BlazorLog.NavigationFailed(_logger, LocalRedirect.ForLog(path), ex);
        }
    }
}
