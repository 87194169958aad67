using Microsoft.Extensions.Logging;

namespace RefineSharp.Tokens;

/// <summary>Log messages of the token infrastructure. None of them carries a token, a URL or a request body.</summary>
internal static partial class TokenLog
{
    [LoggerMessage(101, LogLevel.Debug, "The access token expires soon or was rejected; refreshing it.")]
    public static partial void Refreshing(ILogger logger);

    [LoggerMessage(102, LogLevel.Debug, "The access token was refreshed.")]
    public static partial void Refreshed(ILogger logger);

    [LoggerMessage(103, LogLevel.Warning, "The token refresher could not renew the session; the stored tokens were cleared.")]
    public static partial void RefreshRefused(ILogger logger);

    [LoggerMessage(104, LogLevel.Warning, "The token refresher threw; the stored tokens were cleared.")]
    public static partial void RefresherThrew(ILogger logger, Exception exception);

    [LoggerMessage(105, LogLevel.Warning, "The token refresher did not answer within {Seconds} s; the stored tokens were cleared.")]
    public static partial void RefreshTimedOut(ILogger logger, double seconds);

    [LoggerMessage(106, LogLevel.Error, "A handler of TokenRefreshCoordinator.RefreshFailed threw.")]
    public static partial void FailureHandlerThrew(ILogger logger, Exception exception);

    [LoggerMessage(107, LogLevel.Debug, "A {Method} request got 401; retrying it once with a refreshed access token.")]
    public static partial void RetryingAfterRefresh(ILogger logger, string method);

    [LoggerMessage(108, LogLevel.Debug, "A {Method} request got 401 but its body cannot be sent twice; not retried.")]
    public static partial void NotRetryable(ILogger logger, string method);

    [LoggerMessage(109, LogLevel.Error, "Logging out after a failed token refresh failed.")]
    public static partial void SessionEndFailed(ILogger logger, Exception exception);

    [LoggerMessage(110, LogLevel.Debug, "A refresh finished after the session ended or changed (logout or login); its tokens were discarded.")]
    public static partial void RefreshOutdated(ILogger logger);

    [LoggerMessage(111, LogLevel.Debug, "A {Method} request got 401 but its body cannot be sent twice; the session was refreshed for the next call and the 401 is returned.")]
    public static partial void RefreshedWithoutRetry(ILogger logger, string method);

    [LoggerMessage(112, LogLevel.Debug, "A {Method} request goes to an origin that is not allowed to receive the access token; sent without it.")]
    public static partial void OriginNotAllowed(ILogger logger, string method);

    [LoggerMessage(113, LogLevel.Debug, "A 401 response is not handed to OnErrorAsync: the session was refreshed meanwhile, or the request carried no token of ours.")]
    public static partial void UnauthorizedNotAboutSession(ILogger logger);
}
