using Microsoft.Extensions.Logging;

namespace RefineSharp.Blazor;

/// <summary>The log messages of the Blazor package. None of them carries a password, a token or a stored value.</summary>
internal static partial class BlazorLog
{
    [LoggerMessage(101, LogLevel.Warning, "NavigationManager threw while going to {Path}; staying on the current page.")]
    public static partial void NavigationFailed(ILogger logger, string path, Exception exception);

    [LoggerMessage(102, LogLevel.Warning, "Ignored a redirect target that is not a local path: {Target}")]
    public static partial void RedirectRejected(ILogger logger, string target);

    [LoggerMessage(103, LogLevel.Debug, "JavaScript is not available (prerendering or a closed connection); {Operation} skipped.")]
    public static partial void JsUnavailable(ILogger logger, string operation);

    [LoggerMessage(104, LogLevel.Warning, "The stored tokens could not be read; the entry was removed.")]
    public static partial void TokensUnreadable(ILogger logger, Exception? exception);

    [LoggerMessage(105, LogLevel.Warning, "Cross-tab sync could not start; other tabs will not be told about sign-in changes.")]
    public static partial void CrossTabSyncFailed(ILogger logger, Exception exception);

    [LoggerMessage(106, LogLevel.Error, "Building the auth state failed; treating the user as not authenticated.")]
    public static partial void AuthStateFailed(ILogger logger, Exception exception);

    [LoggerMessage(107, LogLevel.Error, "An auth action of a component failed unexpectedly.")]
    public static partial void ActionFailed(ILogger logger, Exception exception);

    [LoggerMessage(108, LogLevel.Information, "Another browser tab reported a sign-in change ({Reason}); invalidating the auth store.")]
    public static partial void RemoteChange(ILogger logger, string reason);

    [LoggerMessage(109, LogLevel.Error, "{Component} found no auth provider and shows no protected content. " + RefineServices.NoProviderMessage)]
    public static partial void NoAuthProvider(ILogger logger, string component);

    [LoggerMessage(110, LogLevel.Debug, "The cross-tab refresh lock (Web Locks API) is not available here; refreshing with this tab's single flight only.")]
    public static partial void RefreshLockUnavailable(ILogger logger);
}
