using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace RefineSharp.AspNetCore.Diagnostics;

/// <summary>
/// Gives each request a <see cref="ServerTimingRecorder"/>, writes what was recorded until the response starts as a
/// Server-Timing header, and logs the whole request's parts when it ends. A long-lived request (a Blazor circuit's
/// WebSocket) has no header to carry its parts: the log line at its end and the live lines are where they show.
/// </summary>
internal sealed class ServerTimingMiddleware(RequestDelegate next, ILogger<ServerTimingMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var recorder = new ServerTimingRecorder();
        var start = Stopwatch.GetTimestamp();
        ServerTimingRecorder.Current = recorder;
        context.Response.OnStarting(() =>
        {
            context.Response.Headers.Append("Server-Timing", recorder.ToHeaderValue(Stopwatch.GetElapsedTime(start).TotalMilliseconds));
            return Task.CompletedTask;
        });
        try
        {
            await next(context);
        }
        finally
        {
            ServerTimingRecorder.Current = null;
            if (logger.IsEnabled(LogLevel.Information))
            {
                ServerTimingLog.Request(logger, context.Request.Method, ServerTimingFormat.QuotedText(context.Request.Path.Value ?? "/"),
                    context.Response.StatusCode, recorder.ToHeaderValue(Stopwatch.GetElapsedTime(start).TotalMilliseconds));
            }
        }
    }
}
