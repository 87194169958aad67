using Microsoft.Extensions.Logging;

namespace RefineSharp.Providers.AspNetIdentity;

/// <summary>The provider's log messages: endpoint paths, status codes and outcomes only; never an email, a password or a token.</summary>
internal static partial class Log
{
    [LoggerMessage(201, LogLevel.Information, "The Identity API endpoint {Endpoint} answered {StatusCode}.")]
    public static partial void ApiFailed(ILogger logger, string endpoint, int statusCode);

    [LoggerMessage(202, LogLevel.Warning, "The Identity API endpoint {Endpoint} could not be reached.")]
    public static partial void ApiUnreachable(ILogger logger, string endpoint, Exception exception);

    [LoggerMessage(203, LogLevel.Warning, "The Identity API endpoint {Endpoint} answered with a body that is not what the Identity API sends.")]
    public static partial void ApiUnreadable(ILogger logger, string endpoint, Exception? exception);

    [LoggerMessage(204, LogLevel.Information, "A login was refused: {Reason}.")]
    public static partial void LoginRefused(ILogger logger, string reason);

    [LoggerMessage(205, LogLevel.Warning, "The logout endpoint did not accept the logout; the local tokens were cleared anyway.")]
    public static partial void LogoutNoticeFailed(ILogger logger);
}
