using Microsoft.Extensions.Logging;

namespace RefineSharp;

/// <summary>The engine's log messages. None of them carries a password, a token or a request body.</summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Error, "The auth provider threw from {Member}; treating it as a failure. Providers should return a failed result instead.")]
    public static partial void ProviderThrew(ILogger logger, string member, Exception exception);

    [LoggerMessage(2, LogLevel.Error, "The auth provider returned null from {Member}; treating it as a failure.")]
    public static partial void ProviderReturnedNull(ILogger logger, string member);

    [LoggerMessage(3, LogLevel.Warning, "The auth provider did not answer {Member} within {Seconds} s; treating it as a failure.")]
    public static partial void ProviderTimedOut(ILogger logger, string member, double seconds);

    [LoggerMessage(4, LogLevel.Warning, "Ignored a redirect target from {Source} that is not a local path: {Target}")]
    public static partial void RedirectRejected(ILogger logger, string source, string target);

    [LoggerMessage(5, LogLevel.Error, "The navigator threw while going to {Path}.")]
    public static partial void NavigatorThrew(ILogger logger, string path, Exception exception);

    [LoggerMessage(6, LogLevel.Error, "The notification service threw while showing or closing {Key}.")]
    public static partial void NotificationThrew(ILogger logger, string key, Exception exception);

    [LoggerMessage(7, LogLevel.Error, "A handler of AuthStateChanged threw.")]
    public static partial void StateHandlerThrew(ILogger logger, Exception exception);

    [LoggerMessage(8, LogLevel.Information, "The auth provider does not implement {Member}; returned a 'not supported' result.")]
    public static partial void NotSupported(ILogger logger, string member);

    [LoggerMessage(9, LogLevel.Warning, "A {StatusCode} response was handed to the auth provider's OnErrorAsync.")]
    public static partial void HttpAuthError(ILogger logger, int statusCode);

    [LoggerMessage(10, LogLevel.Error, "Handling an HTTP {StatusCode} through OnErrorAsync failed; the response is returned unchanged.")]
    public static partial void HttpAuthErrorHandlingFailed(ILogger logger, int statusCode, Exception exception);
}
