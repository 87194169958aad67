using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using RefineSharp.AspNetCore.Security;
using RefineSharp.AspNetCore.Tests.Fixtures;

namespace RefineSharp.AspNetCore.Tests.Security;

/// <summary>
/// A real Kestrel app on 127.0.0.1 with <c>AddRefineSecurityHeaders</c>: a page that prints its nonce, an endpoint the
/// authorization middleware refuses on its own (401), one that throws (500 from the exception handler), and 404s;
/// over plain HTTP, or over HTTPS with a <see cref="LoopbackTls"/> certificate.
/// </summary>
internal sealed class HeadersHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private HeadersHost(WebApplication app) => _app = app;

    public Uri BaseAddress => new(_app.Urls.First());

    public static async Task<HeadersHost> StartAsync(Action<RefineSecurityHeadersOptions>? configure = null, string environment = "Production", LoopbackTls? tls = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = environment });
        if (tls is null)
        {
            builder.WebHost.UseUrls("http://127.0.0.1:0");
        }
        else
        {
            builder.WebHost.UseKestrelHttpsConfiguration();
            builder.WebHost.ConfigureKestrel(k => k.Listen(System.Net.IPAddress.Loopback, 0, listen => listen.UseHttps(tls.Certificate)));
        }

        builder.Logging.ClearProviders();
        builder.Services.AddRefineSecurityHeaders(configure);
        builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(o => o.Events.OnRedirectToLogin = c => { c.Response.StatusCode = 401; return Task.CompletedTask; });
        builder.Services.AddAuthorization();

        var app = builder.Build();
        app.UseExceptionHandler(error => error.Run(c => c.Response.WriteAsync("error")));
        app.MapGet("/page", (HttpContext http) => Results.Text($"<script nonce=\"{http.GetRefineCspNonce()}\"></script>", "text/html"));
        app.MapGet("/guarded", () => "secret").RequireAuthorization();
        app.MapGet("/throws", IResult () => throw new InvalidOperationException("boom"));
        await app.StartAsync();
        return new HeadersHost(app);
    }

    public HttpClient NewClient() => new() { BaseAddress = BaseAddress };

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
