using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace RefineSharp.AspNetCore.Security;

/// <summary>
/// Writes the headers first in the pipeline. A startup filter, because <c>WebApplication</c> runs routing,
/// authentication and authorization before any middleware <c>Program.cs</c> adds, so an ordinary <c>app.Use</c> would
/// miss the 401 and 403 they answer on their own. The headers are set when the response starts, after any handler
/// (an error re-execution, a static file) has cleared or written its own.
/// </summary>
internal sealed class SecurityHeadersStartupFilter(IOptions<RefineSecurityHeadersOptions> options, IWebHostEnvironment environment) : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        var settings = options.Value;
        var policy = new ContentSecurityPolicy(settings);
        app.Use((context, nextMiddleware) =>
        {
            var nonce = CspNonce.Create(context);
            context.Response.OnStarting(() =>
            {
                Write(context.Response.Headers, settings, policy.For(nonce));
                return Task.CompletedTask;
            });
            return nextMiddleware(context);
        });

        if (settings.UseHsts && !environment.IsDevelopment())
        {
            // Only on HTTPS requests, never for localhost; behind a TLS-terminating proxy, forward the scheme first.
            app.UseHsts();

            // An exception handler clears the headers set so far (its 500 went out without HSTS): the value UseHsts
            // chose for this request is written again when the answer starts.
            app.Use(KeepHstsAsync);
        }

        next(app);
    };

    private static Task KeepHstsAsync(HttpContext context, Func<Task> nextMiddleware)
    {
        var value = context.Response.Headers.StrictTransportSecurity;
        if (!StringValues.IsNullOrEmpty(value))
        {
            context.Response.OnStarting(() =>
            {
                context.Response.Headers.StrictTransportSecurity = value;
                return Task.CompletedTask;
            });
        }

        return nextMiddleware();
    }

    private static void Write(IHeaderDictionary headers, RefineSecurityHeadersOptions settings, string policy)
    {
        headers.ContentSecurityPolicy = policy;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = settings.ReferrerPolicy;
        headers.XFrameOptions = "DENY";
        if (settings.CrossOriginOpenerPolicy is { } opener)
        {
            headers["Cross-Origin-Opener-Policy"] = opener;
        }
    }
}
