using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RefineSharp.AspNetCore.Sessions;
using RefineSharp.Tokens;

namespace RefineSharp.AspNetCore.Tests.Fixtures;

/// <summary>
/// A real Kestrel app on 127.0.0.1 with server-side sessions over a given <see cref="IDistributedCache"/> and
/// data-protection key ring (two hosts given the same ones act as two instances of one app). Endpoints under /t call
/// the provider in the request's scope, as the session endpoints and static sign-in pages do.
/// </summary>
public sealed class SessionHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly LoopbackTls? _tls;

    private SessionHost(WebApplication app, LoopbackTls? tls)
    {
        _app = app;
        _tls = tls;
    }

    public Uri BaseAddress { get; private set; } = null!;

    public IServiceProvider Services => _app.Services;

    /// <summary>Starts the app over plain HTTP, or over HTTPS with <paramref name="tls"/>'s certificate.</summary>
    public static async Task<SessionHost> StartAsync(IDistributedCache cache, IDataProtectionProvider keys, LoopbackTls? tls = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        if (tls is null)
        {
            builder.WebHost.UseUrls("http://127.0.0.1:0");
        }
        else
        {
            builder.WebHost.UseKestrelHttpsConfiguration();
            builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(tls.Certificate)));
        }

        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(cache);
        builder.Services.AddSingleton(keys);
        builder.Services.AddRefine().AddAuthProvider<TokenTestProvider>().AddBlazor().AddServerSessions();
        builder.Services.AddAuthorization();

        var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        MapEndpoints(app);
        app.MapRefineSessionEndpoints();
        await app.StartAsync();
        var host = new SessionHost(app, tls) { BaseAddress = new Uri(app.Urls.First() + "/") };
        return host;
    }

    /// <summary>A client with its own cookie jar (one browser).</summary>
    public HttpClient NewBrowser(CookieContainer? jar = null) => new(NewHandler(useCookies: true, jar)) { BaseAddress = BaseAddress };

    /// <summary>A handler for this host (over HTTPS, one that trusts its certificate only).</summary>
    public HttpClientHandler NewHandler(bool useCookies, CookieContainer? jar = null) =>
        _tls?.Handler(useCookies, jar) ?? new HttpClientHandler { UseCookies = useCookies, CookieContainer = jar ?? new CookieContainer(), AllowAutoRedirect = false };

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static void MapEndpoints(IEndpointRouteBuilder app)
    {
        app.MapPost("/t/login", LoginAsync);

        // The same sign-in at the app's login path, where the cookie handler once followed ?to= on its own.
        app.MapPost("/login", LoginAsync);
        static async Task<IResult> LoginAsync(HttpContext http, AuthProvider provider)
        {
            var form = await http.Request.ReadFormAsync();
            try
            {
                var result = await provider.LoginAsync(new LoginRequest { Email = form["email"], Password = form["password"] });
                return result.Success ? Results.Ok() : Results.Unauthorized();
            }
            catch (InvalidOperationException)
            {
                return Results.Problem("The sign-in service is unavailable.", statusCode: StatusCodes.Status503ServiceUnavailable);
            }
        }

        app.MapPost("/t/logout", async (AuthProvider provider) =>
        {
            await provider.LogoutAsync(new LogoutRequest());
            return Results.Ok();
        });
        app.MapGet("/t/check", async (AuthProvider provider) =>
            (await provider.CheckAsync(new CheckRequest())).Authenticated ? Results.Ok() : Results.Unauthorized());
        app.MapGet("/t/access-token", async (ITokenStore tokens) =>
            await tokens.GetAsync() is { } set ? Results.Text(set.AccessToken) : Results.NotFound());

        // One request reading the tokens as often as a page's prerender does, concurrently and one after the other.
        app.MapGet("/t/read-tokens", async (ITokenStore tokens, int times) =>
        {
            var reads = await Task.WhenAll(Enumerable.Range(0, times).Select(async _ => (await tokens.GetAsync())?.AccessToken));
            reads = [.. reads, (await tokens.GetAsync())?.AccessToken];
            return reads.Distinct().Count() == 1 && reads[0] is { } token ? Results.Text(token) : Results.Conflict();
        });

        // A write in the middle of a request: what it reads afterwards is what it wrote (or nothing after a logout).
        app.MapPost("/t/read-write-read", async (ITokenStore tokens, string write) =>
        {
            var before = (await tokens.GetAsync())!;
            var replacement = TokenTestProvider.NewTokens();
            var written = write switch
            {
                "replace" => await tokens.ReplaceAsync(before, replacement),
                "clear-if" => await tokens.ClearIfAsync(before),
                "set" => await SetAsync(tokens, replacement),
                _ => await ClearAsync(tokens),
            };
            var after = await tokens.GetAsync();
            return Results.Text($"{written}|{after?.AccessToken ?? "none"}|{replacement.AccessToken}");

            static async Task<bool> SetAsync(ITokenStore tokens, TokenSet set)
            {
                await tokens.SetAsync(set);
                return true;
            }

            static async Task<bool> ClearAsync(ITokenStore tokens)
            {
                await tokens.ClearAsync();
                return true;
            }
        });
        app.MapGet("/t/notify-and-redirect", (RefineSharp.Blazor.RefineNotificationStore store) =>
        {
            store.Open(new AuthNotification("reset-sent", NotificationType.Success, "Check your email", null));
            return Results.Redirect("/t/notifications");
        });
        app.MapGet("/t/notifications", (RefineSharp.Blazor.RefineNotificationStore store) => store.Current.Count);
        app.MapGet("/t/session-key", (HttpContext http) => SessionClaims.SessionKey(http.User) ?? string.Empty);
        app.MapGet("/t/protected", () => "secret").RequireAuthorization();
    }
}
