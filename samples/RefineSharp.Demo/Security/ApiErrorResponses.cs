using Microsoft.AspNetCore.Diagnostics;

namespace RefineSharp.Demo.Security;

/// <summary>
/// Keeps the API's error answers as the API wrote them: the app's status-code pages (UseStatusCodePagesWithReExecute,
/// which renders the not-found page for a bodyless 4xx) are switched off for /identity and /api, so a client reads
/// problem details (or an empty body with the status), never an HTML page. An exception on these routes is logged and
/// answered 500 problem details without internals (instead of the HTML error page).
/// </summary>
public static class ApiErrorResponses
{
    /// <summary>Adds the switch; must come after UseStatusCodePagesWithReExecute (which sets the feature it turns off).</summary>
    public static IApplicationBuilder UseApiErrorResponses(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (!IsApi(context.Request.Path))
            {
                await next(context);
                return;
            }

            if (context.Features.Get<IStatusCodePagesFeature>() is { } pages)
            {
                pages.Enabled = false;
            }

            try
            {
                await next(context);
            }
            catch (Exception exception) when (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
            {
                SecurityLog.ApiFailed(context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ApiErrorResponses)), context.Request.Path.Value ?? "", exception);
                context.Response.Clear();
                await TypedResults.Problem(statusCode: StatusCodes.Status500InternalServerError, title: "The request failed.").ExecuteAsync(context);
            }
        });

    /// <summary>True for the paths of the Identity API and the data API.</summary>
    public static bool IsApi(PathString path) =>
        path.StartsWithSegments("/identity", StringComparison.OrdinalIgnoreCase) || path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);
}
