using Microsoft.Extensions.Logging;

namespace RefineSharp.Providers.Jwt;

/// <summary>The provider's log messages: setting names and shapes, never a token, password or email.</summary>
internal static partial class JwtLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Error, Message = "JwtAuth: no API address. Set JwtAuthOptions.BaseAddress (AddJwtAuth(o => o.BaseAddress = new Uri(\"https://api.example.com/\"))).")]
    public static partial void NoBaseAddress(ILogger logger);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "JwtAuth: {Method} {Endpoint} could not reach the API ({Error}).")]
    public static partial void Unreachable(ILogger logger, string method, string endpoint, string error);

    [LoggerMessage(EventId = 3, Level = LogLevel.Error, Message = "JwtAuth: the {Endpoint} answer does not match the mapping: {Problem}. Fix the field name in AddJwtAuth(o => ...).")]
    public static partial void ShapeMismatch(ILogger logger, string endpoint, string problem);

    [LoggerMessage(EventId = 4, Level = LogLevel.Warning, Message = "JwtAuth: {Endpoint} answered {Status}; expected a 2xx JSON answer. Check JwtAuthOptions.{Setting} (and BaseAddress).")]
    public static partial void UnexpectedStatus(ILogger logger, string endpoint, int status, string setting);

    [LoggerMessage(EventId = 5, Level = LogLevel.Information, Message = "JwtAuth: the API refused the sign-in ({Status}).")]
    public static partial void LoginRefused(ILogger logger, int status);

    [LoggerMessage(EventId = 6, Level = LogLevel.Information, Message = "JwtAuth: the logout notice to {Endpoint} failed; the local session ends anyway.")]
    public static partial void LogoutNoticeFailed(ILogger logger, string endpoint);
}
