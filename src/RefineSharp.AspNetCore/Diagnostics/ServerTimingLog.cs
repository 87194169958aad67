using Microsoft.Extensions.Logging;

namespace RefineSharp.AspNetCore.Diagnostics;

/// <summary>Log messages of the opt-in timing (ids 3101-3199): names, paths and milliseconds only, never a query string, token or password.</summary>
internal static partial class ServerTimingLog
{
    [LoggerMessage(3101, LogLevel.Information, "Server timing {Method} {Path} {Status}: {Timing}", EventName = "ServerTiming")]
    public static partial void Request(ILogger logger, string method, string path, int status, string timing);
}
