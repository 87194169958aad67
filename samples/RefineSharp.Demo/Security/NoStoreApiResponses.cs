namespace RefineSharp.Demo.Security;

/// <summary>
/// Marks every Identity API answer "Cache-Control: no-store" (and "Pragma: no-cache" for HTTP/1.0 caches): /login and
/// /refresh return bearer and refresh tokens, /manage/info personal data; none of it may stay in a browser or proxy cache.
/// </summary>
public static class NoStoreApiResponses
{
    /// <summary>Adds the headers to responses under /identity.</summary>
    public static IApplicationBuilder UseNoStoreIdentityResponses(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            if (context.Request.Path.StartsWithSegments("/identity", StringComparison.OrdinalIgnoreCase))
            {
                context.Response.OnStarting(() =>
                {
                    context.Response.Headers.CacheControl = "no-store";
                    context.Response.Headers.Pragma = "no-cache";
                    return Task.CompletedTask;
                });
            }

            return next(context);
        });
}
