using Microsoft.Extensions.Logging;

namespace RefineSharp.AspNetCore.Endpoints;

/// <summary>Log messages of the session endpoints (ids 3101-3199).</summary>
internal static partial class EndpointLog
{
    [LoggerMessage(3101, LogLevel.Error, "The auth provider failed behind the session endpoint {Path}; answered 503.", EventName = "SessionEndpointProviderFailed")]
    public static partial void ProviderFailed(ILogger logger, string path, Exception exception);
}
