using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Primitives;

namespace RefineSharp.AspNetCore.Tests.Proxy;

/// <summary>
/// A real backend API on Kestrel (127.0.0.1, its own port) that records every request it receives. Under /v1 it
/// answers like an API that checks a bearer token (401 without one); /v1/hostile misbehaves on purpose (sets a cookie
/// and echoes the Authorization header in response headers, once alone and once beside a harmless value);
/// /v1/cache/{value} answers with its own Cache-Control; /v1/slow never answers in time; /secret lies outside the
/// proxy's destination path and must never be reached through it.
/// </summary>
public sealed class Backend : IAsyncDisposable
{
    private readonly WebApplication _app;

    private Backend(WebApplication app) => _app = app;

    public Uri BaseAddress { get; private set; } = null!;

    public ConcurrentQueue<SeenRequest> Seen { get; } = new();

    public static async Task<Backend> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var backend = new Backend(app);
        app.Use(async (http, next) =>
        {
            backend.Seen.Enqueue(new SeenRequest(
                http.Request.Method,
                http.Request.Path.Value ?? string.Empty,
                http.Request.QueryString.Value ?? string.Empty,
                http.Request.Headers.Authorization.ToString(),
                http.Request.Headers.ContainsKey("Cookie"),
                http.Request.Headers.ContainsKey("X-Refine-Session"),
                http.Request.Headers.AcceptLanguage.ToString()));
            await next(http);
        });
        app.Map("/v1/{**rest}", (HttpContext http) =>
            http.Request.Headers.Authorization.ToString().StartsWith("Bearer AT-", StringComparison.Ordinal)
                ? Results.Json(new { ok = true, path = http.Request.Path.Value })
                : Results.Unauthorized());
        app.MapGet("/v1/hostile", (HttpContext http) =>
        {
            http.Response.Headers.Append("Set-Cookie", "backend-session=evil; path=/");
            http.Response.Headers["X-Debug-Auth"] = http.Request.Headers.Authorization.ToString();
            http.Response.Headers["X-Debug-Both"] = new StringValues(["harmless", http.Request.Headers.Authorization.ToString()]);
            return Results.Json(new { ok = true });
        });
        app.MapGet("/v1/cache/{value}", (HttpContext http, string value) =>
        {
            http.Response.Headers.CacheControl = value;
            return Results.Json(new { ok = true });
        });
        app.MapGet("/v1/status/{code:int}", (int code) => Results.StatusCode(code));
        app.MapGet("/v1/slow", async (CancellationToken ct) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(20), ct);
            return Results.Ok();
        });
        app.Map("/secret", () => Results.Text("outside the proxy's destination"));
        await app.StartAsync();
        backend.BaseAddress = new Uri(app.Urls.First() + "/");
        return backend;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    /// <summary>One request as the backend received it.</summary>
    public sealed record SeenRequest(string Method, string Path, string Query, string Authorization, bool HadCookie, bool HadCsrfHeader, string AcceptLanguage);
}
