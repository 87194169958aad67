using System.Net;

namespace RefineSharp.Demo.Services;

/// <summary>The data client's log messages: the path and status, never the token or the body.</summary>
internal static partial class DemoApiLog
{
    [LoggerMessage(EventId = 4001, Level = LogLevel.Warning, Message = "The data API answered {Status} to GET {Path}")]
    public static partial void Refused(ILogger logger, string path, HttpStatusCode status);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Warning, Message = "The data API could not be reached or gave an unreadable answer for GET {Path}")]
    public static partial void Unavailable(ILogger logger, string path, Exception exception);
}
