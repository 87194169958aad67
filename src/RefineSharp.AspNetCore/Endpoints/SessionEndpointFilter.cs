using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace RefineSharp.AspNetCore.Endpoints;

/// <summary>
/// Guards the session endpoints: the custom header must be present and the browser must not report a cross-site
/// request (Sec-Fetch-Site), answers are never cached, and a provider that throws becomes a generic 503 whose
/// details go to the log only.
/// </summary>
internal static class SessionEndpointFilter
{
    public static async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        http.Response.Headers.CacheControl = "no-store";
        if (!SameSiteScriptRequest.IsAllowed(http.Request, Microsoft.AspNetCore.Builder.SessionEndpointRouteBuilderExtensions.CsrfHeader))
        {
            return Results.Problem(
                title: "Cross-site request refused",
                detail: "Session endpoints answer only this site's own scripts.",
                statusCode: StatusCodes.Status403Forbidden);
        }

        try
        {
            return await next(context);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !http.RequestAborted.IsCancellationRequested)
        {
            var logger = http.RequestServices.GetService<ILoggerFactory>()?.CreateLogger("RefineSharp.AspNetCore.SessionEndpoints") ?? NullLogger.Instance;
            EndpointLog.ProviderFailed(logger, http.Request.Path.Value ?? string.Empty, ex);
            return Results.Problem(
                title: "Service unavailable",
                detail: "The sign-in service could not answer. Please try again.",
                statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }
}
