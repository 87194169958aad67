using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace RefineSharp.Blazor;

/// <summary>
/// The engine's <see cref="INavigator"/> on top of <see cref="NavigationManager"/>. Paths are app-relative ("/login"
/// means the login page under the app's base path), and a navigation that throws (for example during prerendering)
/// is logged instead of crashing the page.
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
            // A leading "/" would escape the app's base path; NavigationManager resolves relative paths against it.
            var relative = path.StartsWith('/') ? path[1..] : path;
            _navigation.NavigateTo(relative.Length == 0 ? _navigation.BaseUri : relative, forceLoad: false, replace: kind == NavigationKind.Replace);
        }
        catch (Exception ex)
        {
            BlazorLog.NavigationFailed(_logger, path, ex);
        }
    }
}
