using System.Security.Cryptography;

namespace RefineSharp.Demo.Hosting;

/// <summary>
/// The demo's response headers (see docs/demo-hosting.md): a Content-Security-Policy that allows this origin's own
/// scripts plus the one inline script Blazor renders (the import map, by a per-response nonce), nosniff, no referrer
/// (reset links carry their code in the query), no framing, a separate browsing context group, and HSTS over HTTPS
/// outside Development.
/// </summary>
public static class SecurityHeaders
{
    private static readonly object NonceKey = new();

    /// <summary>
    /// Adds the headers to every response (pages, static files, API answers, the authorization middleware's own 401
    /// and 403, error re-executions: they are written when the response starts, after any handler cleared the
    /// headers), and HSTS. A startup filter, because WebApplication runs routing, authentication and authorization
    /// before the middleware Program.cs adds; this runs before them.
    /// </summary>
    public static WebApplicationBuilder AddDemoSecurityHeaders(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddTransient<IStartupFilter, HeadersFirst>();
        return builder;
    }

    private static Task AddHeadersAsync(HttpContext context, RequestDelegate next)
    {
        // Hex, not base64: "+" and "/" would be HTML-encoded in the attribute and no longer match the header.
        var nonce = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        context.Items[NonceKey] = nonce;
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy(nonce);
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            headers.XFrameOptions = "DENY";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            return Task.CompletedTask;
        });
        return next(context);
    }

    private sealed class HeadersFirst(IWebHostEnvironment environment) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(AddHeadersAsync);
            if (!environment.IsDevelopment())
            {
                // Only on HTTPS requests (and never for localhost): behind a TLS-terminating proxy, forward the scheme
                // (UseForwardedHeaders) so this sees HTTPS. The default max-age is 30 days; raise it once HTTPS is settled.
                app.UseHsts();
            }

            next(app);
        };
    }

    /// <summary>The CSP nonce of this response, for the one inline script the page renders (Blazor's import map).</summary>
    public static string? GetCspNonce(this HttpContext? context) =>
        context?.Items.TryGetValue(NonceKey, out var nonce) == true ? nonce as string : null;

    /// <summary>
    /// The policy: scripts only from this origin (blazor.web.js, the reconnect module, RefineSharp's module) or with
    /// this response's nonce; no 'unsafe-inline' and no 'unsafe-eval' (Interactive Server does not evaluate code);
    /// styles and images from this origin (data: for the favicon and the initials avatars); connections to this
    /// origin, which in CSP Level 3 includes ws:/wss: to the same host for the circuit's WebSocket.
    /// </summary>
    public static string ContentSecurityPolicy(string nonce) =>
        "default-src 'self'; " +
        $"script-src 'self' 'nonce-{nonce}'; " +
        "style-src 'self'; " +
        "img-src 'self' data:; " +
        "font-src 'self'; " +
        "connect-src 'self'; " +
        "object-src 'none'; " +
        "base-uri 'self'; " +
        "form-action 'self'; " +
        "frame-ancestors 'none'";
}
