using Microsoft.Extensions.Logging;

namespace RefineSharp.Providers.Oidc;

/// <summary>The provider's log messages: provider names, error codes and exception summaries; never a token, a code or a secret.</summary>
internal static partial class OidcLog
{
    [LoggerMessage(301, LogLevel.Warning, "The sign-in at {Provider} could not start ({ExceptionType}: {Summary}).")]
    public static partial void ChallengeFailed(ILogger logger, string provider, string exceptionType, string summary);

    [LoggerMessage(302, LogLevel.Warning, "The callback from {Provider} failed ({ExceptionType}: {Summary}).")]
    public static partial void CallbackFailed(ILogger logger, string provider, string exceptionType, string summary);

    [LoggerMessage(303, LogLevel.Warning, "The sign-in at {Provider} was refused: {Error} {Description}")]
    public static partial void SignInRefused(ILogger logger, string provider, string error, string description);

    [LoggerMessage(304, LogLevel.Information, "Signed in through {Provider}.")]
    public static partial void SignedIn(ILogger logger, string provider);

    [LoggerMessage(305, LogLevel.Warning, "The logout at {Provider} could not start ({ExceptionType}: {Summary}); the local session is over.")]
    public static partial void EndSessionFailed(ILogger logger, string provider, string exceptionType, string summary);

    [LoggerMessage(306, LogLevel.Information, "{Provider} refused the refresh token ({Error}); the session ends.")]
    public static partial void RefreshRefused(ILogger logger, string provider, string error);

    [LoggerMessage(307, LogLevel.Information, "The access token was refreshed through {Provider}.")]
    public static partial void Refreshed(ILogger logger, string provider);

    [LoggerMessage(308, LogLevel.Warning, "{Provider} did not serve its discovery document ({Reason}); the sign-in was not started.")]
    public static partial void ProbeFailed(ILogger logger, string provider, string reason);
}
