using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RefineSharp.AspNetCore.Tests.Fixtures;
using RefineSharp.Providers.Oidc.Tests.Infrastructure;
using RefineSharp.Tokens;
using Xunit.Abstractions;

namespace RefineSharp.Providers.Oidc.Tests.Provider;

/// <summary>
/// Two instances of an app with the OIDC provider and sessions on a real redis-server, refreshing one session at the
/// same moment from many requests on both, against the sample identity server (refresh tokens rotate, no reuse leeway:
/// a refresh token used twice revokes the sign-in). Each round calls the token endpoint once, and the sign-in survives.
/// </summary>
[Collection(IdentityServerCollection.Name)]
public sealed class CrossInstanceRefreshTests(IdentityServerFixture idp, ITestOutputHelper output) : IAsyncLifetime
{
    private RedisServer _redis = null!;

    public async Task InitializeAsync() => _redis = await RedisServer.StartAsync();

    public async Task DisposeAsync() => await _redis.DisposeAsync();

    [Fact]
    public async Task Concurrent_refreshes_of_one_session_on_two_instances_reach_the_token_endpoint_once_per_round_and_never_revoke_the_sign_in()
    {
        var counter = new CallCounter();
        await using var first = await StartInstanceAsync(6230, counter);
        await using var second = await StartInstanceAsync(6231, counter);

        // A real sign-in at the identity server (code flow with PKCE), its tokens put into a session on the first instance.
        using var raw = new RawOidcClient(idp.Server.BaseUrl);
        var verifier = RawOidcClient.NewVerifier();
        var code = RawOidcClient.Code(await raw.AuthorizeAsync(raw.AuthorizeUrl(verifier), "admin@idp.local", "Admin123!"));
        var (status, body) = await raw.RedeemCodeAsync(code, verifier);
        Assert.Equal(HttpStatusCode.OK, status);
        var jar = new CookieContainer();
        using (var browser = Client(first, jar))
        using (var seed = await browser.PostAsync(new Uri("t/seed", UriKind.Relative), new StringContent(body.GetRawText())))
        {
            Assert.Equal(HttpStatusCode.OK, seed.StatusCode);
        }

        var seedValue = Environment.TickCount;
        output.WriteLine($"seed {seedValue}");
        var random = new Random(seedValue);
        var clock = Stopwatch.StartNew();
        var rounds = 0;
        while (rounds < 8 && clock.Elapsed < TimeSpan.FromSeconds(60))
        {
            rounds++;
            var rejected = await CurrentAccessTokenAsync(second, jar);
            var before = counter.Calls;
            var refreshes = new List<Task<string>>();
            foreach (var instance in new[] { first, second })
            {
                for (var i = random.Next(1, 5); i > 0; i--)
                {
                    var delay = random.Next(0, 20);
                    refreshes.Add(Task.Run(async () =>
                    {
                        await Task.Delay(delay);
                        return await ForceRefreshAsync(instance, jar, rejected);
                    }));
                }
            }

            var results = await Task.WhenAll(refreshes);
            output.WriteLine($"round {rounds}: rejected {Short(rejected)}, results {string.Join(" ", results.Select(Short))}");
            Assert.Equal(before + 1, counter.Calls);
            Assert.DoesNotContain("", results);
            Assert.Single(results.Distinct(StringComparer.Ordinal));
            Assert.NotEqual(rejected, results[0]);
            Assert.Equal(results[0], await CurrentAccessTokenAsync(first, jar));
        }

        output.WriteLine($"{rounds} rounds, {counter.Calls} token endpoint calls, {clock.Elapsed.TotalSeconds:F1} s");
        Assert.True(rounds >= 3, $"only {rounds} rounds ran");
        Assert.Equal(0, counter.Refused);

        // The sign-in is intact at the identity server: the session's current refresh token still works there.
        var (refreshStatus, _) = await raw.RefreshAsync(await CurrentRefreshTokenAsync(first, jar));
        Assert.Equal(HttpStatusCode.OK, refreshStatus);
    }

    // Tells two tokens apart in the test output without printing any part of them.
    private static string Short(string token) => token.Length < 12 ? "<" + token + ">" : Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token)))[..8];

    private static async Task<string> ForceRefreshAsync(Instance instance, CookieContainer jar, string rejected)
    {
        using var client = Client(instance, jar);
        using var response = await client.PostAsync(new Uri("t/force-refresh", UriKind.Relative), new StringContent(rejected));
        var text = await response.Content.ReadAsStringAsync();
        return response.IsSuccessStatusCode ? text : $"status {(int)response.StatusCode}: {text}";
    }

    private static async Task<string> CurrentAccessTokenAsync(Instance instance, CookieContainer jar)
    {
        using var client = Client(instance, jar);
        return await client.GetStringAsync(new Uri("t/access-token", UriKind.Relative));
    }

    private static async Task<string> CurrentRefreshTokenAsync(Instance instance, CookieContainer jar)
    {
        using var client = Client(instance, jar);
        return await client.GetStringAsync(new Uri("t/refresh-token", UriKind.Relative));
    }

    // Both instances listen on 127.0.0.1: one cookie jar is one browser whose requests the balancer spreads.
    private static HttpClient Client(Instance instance, CookieContainer jar) =>
        new(new HttpClientHandler { CookieContainer = jar, AllowAutoRedirect = false }) { BaseAddress = instance.BaseAddress };

    private async Task<Instance> StartInstanceAsync(int port, CallCounter counter)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(new XunitLogger(output));
        const string name = "refinesharp-oidc-lock-tests:";
        builder.Services.AddStackExchangeRedisCache(o =>
        {
            o.Configuration = _redis.ConnectionString;
            o.InstanceName = name;
        });
        builder.Services.AddDataProtection().SetApplicationName("RefineSharp.OidcLockTests")
            .PersistKeysToStackExchangeRedis(StackExchange.Redis.ConnectionMultiplexer.Connect(_redis.ConnectionString), name + "dp-keys");
        builder.Services.AddRefine().AddBlazor().AddServerSessions().AddOidcAuth(o =>
        {
            o.RequireHttps = false;
            o.AddProvider("refine-idp", p =>
            {
                p.Authority = new Uri(idp.Issuer);
                p.ClientId = IdentityServerFixture.ClientId;
                p.ClientSecret = IdentityServerFixture.ClientSecret;
                p.Scopes.Add("roles");
            });
        });
        builder.Services.AddAuthorization();
        // The coordinator's end-of-session path reaches the engine's navigator, which needs Blazor's NavigationManager.
        builder.Services.AddRazorComponents();
        CountRefreshes(builder.Services, counter);

        var app = builder.Build();
        app.MapPost("/t/seed", async (HttpContext http, ITokenStore store) =>
        {
            var body = System.Text.Json.JsonDocument.Parse(await new StreamReader(http.Request.Body).ReadToEndAsync()).RootElement;
            await store.SetAsync(new TokenSet
            {
                AccessToken = body.GetProperty("access_token").GetString()!,
                RefreshToken = body.GetProperty("refresh_token").GetString(),
                IdToken = body.GetProperty("id_token").GetString(),
                ExpiresAt = DateTimeOffset.UtcNow.AddSeconds(body.GetProperty("expires_in").GetInt32()),
            });
            return Results.Ok();
        });
        app.MapPost("/t/force-refresh", async (HttpContext http, TokenRefreshCoordinator coordinator) =>
        {
            var rejected = await new StreamReader(http.Request.Body).ReadToEndAsync();
            var renewed = await coordinator.ForceRefreshAsync(new TokenSet { AccessToken = rejected });
            return Results.Text(renewed?.AccessToken ?? "");
        });
        app.MapGet("/t/access-token", async (ITokenStore store) => Results.Text((await store.GetAsync())?.AccessToken ?? ""));
        app.MapGet("/t/refresh-token", async (ITokenStore store) => Results.Text((await store.GetAsync())?.RefreshToken ?? ""));
        await app.StartAsync();
        return new Instance(app, new Uri($"http://127.0.0.1:{port}/"));
    }

    // Wraps the OIDC provider's refresher (one call = one refresh-token grant at the identity server's token endpoint).
    private static void CountRefreshes(IServiceCollection services, CallCounter counter)
    {
        var original = services.Last(d => d.ServiceType == typeof(ITokenRefresher));
        services.Remove(original);
        services.Add(ServiceDescriptor.Describe(typeof(ITokenRefresher), sp => new CountingRefresher(
            (ITokenRefresher)(original.ImplementationFactory?.Invoke(sp) ?? ActivatorUtilities.CreateInstance(sp, original.ImplementationType!)),
            counter), original.Lifetime));
    }

    private sealed class CallCounter
    {
        private int _calls;
        private int _refused;

        public int Calls => Volatile.Read(ref _calls);

        public int Refused => Volatile.Read(ref _refused);

        public void Called(bool refused)
        {
            Interlocked.Increment(ref _calls);
            if (refused)
            {
                Interlocked.Increment(ref _refused);
            }
        }
    }

    private sealed class CountingRefresher(ITokenRefresher inner, CallCounter counter) : ITokenRefresher
    {
        public async Task<TokenSet?> RefreshAsync(TokenSet current, CancellationToken cancellationToken = default)
        {
            var renewed = await inner.RefreshAsync(current, cancellationToken);
            counter.Called(refused: renewed is null);
            return renewed;
        }
    }

    private sealed class Instance(WebApplication app, Uri baseAddress) : IAsyncDisposable
    {
        public Uri BaseAddress { get; } = baseAddress;

        public async ValueTask DisposeAsync()
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    private sealed class XunitLogger(ITestOutputHelper output) : ILoggerProvider, ILogger
    {
        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            try
            {
                output.WriteLine($"{logLevel}: {formatter(state, exception)} {exception?.GetType().Name} {exception?.Message}");
            }
            catch (InvalidOperationException)
            {
                // The test has finished.
            }
        }

        public void Dispose()
        {
        }
    }
}
