using Microsoft.AspNetCore.Diagnostics;

namespace RefineSharp.Demo.Security;

/// <summary>
/// Keeps the API's error answers as the API wrote them: the app's status-code pages (UseStatusCodePagesWithReExecute,
/// which renders the not-found page for a bodyless 4xx) are switched off for /identity and /api, so a client reads
/// problem details (or an empty body with the status), never an HTML page.
/// </summary>
public static class ApiErrorResponses
{
    /// <summary>Adds the switch; must come after UseStatusCodePagesWithReExecute (which sets the feature it turns off).</summary>
    public static IApplicationBuilder UseApiErrorResponses(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            if (IsApi(context.Request.Path) && context.Features.Get<IStatusCodePagesFeature>() is { } pages)
            {
                pages.Enabled = false;
            }

            return next(context);
        });

    /// <summary>True for the paths of the Identity API and the data API.</summary>
    public static bool IsApi(PathString path) =>
        path.StartsWithSegments("/identity", StringComparison.OrdinalIgnoreCase) || path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);
}
