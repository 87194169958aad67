using Microsoft.Extensions.Logging;

namespace RefineSharp.Blazor.Diagnostics;

/// <summary>The log messages of render-time setup checks (in every environment: the log is for the developer).</summary>
internal static partial class DiagnosticsLog
{
    [LoggerMessage(150, LogLevel.Error, "{Message}")]
    public static partial void SetupProblem(ILogger logger, string message);
}
