namespace RefineSharp.Demo.Security;

/// <summary>The API hardening's log messages: reasons and endpoint names only, never an email, a password or a token.</summary>
internal static partial class SecurityLog
{
    [LoggerMessage(1001, LogLevel.Information, "A sign-in was refused ({Reason}); the client got the generic failure.")]
    public static partial void SignInRefused(ILogger logger, string reason);

    [LoggerMessage(1002, LogLevel.Warning, "Rate limit reached on {Endpoint} (per account or per client).")]
    public static partial void RateLimited(ILogger logger, string endpoint);

    [LoggerMessage(1003, LogLevel.Information, "A registration for an existing account answered like a new one; the owner was told by email.")]
    public static partial void RegisterExisting(ILogger logger);

    [LoggerMessage(1004, LogLevel.Information, "A request to {Endpoint} was refused: {Reason}.")]
    public static partial void RequestRefused(ILogger logger, string endpoint, string reason);

    [LoggerMessage(1006, LogLevel.Error, "The API request to {Endpoint} failed; the client got 500 problem details.")]
    public static partial void ApiFailed(ILogger logger, string endpoint, Exception exception);

    [LoggerMessage(1005, LogLevel.Warning, "Demo:PublicBaseUrl is not set: email links use the address the server listens on ({Address}). Set it outside Development.")]
    public static partial void NoPublicBaseUrl(ILogger logger, Uri address);
}
