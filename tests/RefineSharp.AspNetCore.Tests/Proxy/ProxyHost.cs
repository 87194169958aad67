using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RefineSharp.AspNetCore.Proxy;
using RefineSharp.AspNetCore.Tests.Fixtures;
using RefineSharp.Tokens;

namespace RefineSharp.AspNetCore.Tests.Proxy;

/// <summary>
/// A real Kestrel app with server-side sessions (<see cref="TokenTestProvider"/>) and <c>MapRefineApiProxy("/api")</c>
/// in front of a destination (a <see cref="Backend"/>, or an address where nothing listens). All its logs, at every
/// level, go to <see cref="Logs"/>.
/// </summary>
public sealed class ProxyHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ProxyHost(WebApplication app, CapturedLogs logs)
    {
        _app = app;
        Logs = logs;
    }

    public Uri BaseAddress { get; private set; } = null!;

    public CapturedLogs Logs { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<ProxyHost> StartAsync(Uri destination, Action<RefineApiProxyOptions>? configure = null, Action<RefineBuilder>? refineSetup = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var logs = new CapturedLogs();
        builder.Logging.ClearProviders().AddProvider(logs).SetMinimumLevel(LogLevel.Trace);
        var refine = builder.Services.AddRefine().AddAuthProvider<TokenTestProvider>();
        refineSetup?.Invoke(refine);
        refine.AddBlazor().AddServerSessions();
        builder.Services.AddAuthorization();
        builder.Services.AddRefineApiProxy();

        var app = builder.Build();
        app.MapPost("/t/login", async (HttpContext http, AuthProvider provider) =>
        {
            var form = await http.Request.ReadFormAsync();
            var result = await provider.LoginAsync(new LoginRequest { Email = form["email"], Password = form["password"] });
            return result.Success ? Results.Ok() : Results.Unauthorized();
        });
        app.MapPost("/t/logout", async (AuthProvider provider) =>
        {
            await provider.LogoutAsync(new LogoutRequest());
            return Results.Ok();
        });
        app.MapGet("/t/access-token", async (ITokenStore tokens) =>
            await tokens.GetAsync() is { } set ? Results.Text(set.AccessToken) : Results.NotFound());
        app.MapRefineApiProxy("/api", o =>
        {
            o.Destination = destination;
            configure?.Invoke(o);
        });
        await app.StartAsync();
        return new ProxyHost(app, logs) { BaseAddress = new Uri(app.Urls.First() + "/") };
    }

    /// <summary>A client with its own cookie jar (one browser) that follows no redirects.</summary>
    public HttpClient NewBrowser(CookieContainer? jar = null) =>
        new(new HttpClientHandler { CookieContainer = jar ?? new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = BaseAddress };

    /// <summary>Signs <paramref name="browser"/> in and returns the session's access token (read on the server).</summary>
    public async Task<string> SignInAsync(HttpClient browser)
    {
        using var login = await browser.PostAsync(new Uri("t/login", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["email"] = "ann@example.com",
            ["password"] = TokenTestProvider.Password,
        }));
        login.EnsureSuccessStatusCode();
        return await browser.GetStringAsync(new Uri("t/access-token", UriKind.Relative));
    }

    /// <summary>A same-origin script's API call: the CSRF header, and Sec-Fetch-Site as Chromium sends it.</summary>
    public static HttpRequestMessage ApiRequest(HttpMethod method, string path, string? secFetchSite = "same-origin", bool csrfHeader = true)
    {
        var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (csrfHeader)
        {
            request.Headers.Add("X-Refine-Session", "1");
        }

        if (secFetchSite is not null)
        {
            request.Headers.Add("Sec-Fetch-Site", secFetchSite);
        }

        return request;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
