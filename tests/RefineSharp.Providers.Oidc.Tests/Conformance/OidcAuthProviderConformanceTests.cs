using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using RefineSharp.Providers.Oidc.Tests.Infrastructure;
using RefineSharp.Testing.Conformance;
using RefineSharp.Tokens;

namespace RefineSharp.Providers.Oidc.Tests.Conformance;

/// <summary>
/// refine's provider contract, run against <c>AddOidcAuth</c> (OpenIddict's client) and the sample identity server
/// as a real process, without a browser. What differs, through the profile's flags rather than skips:
/// <list type="bullet">
/// <item><c>PasswordLogin = false</c>: OIDC login is a redirect. The login cases check that a password alone never
/// signs in and that login answers a local redirect or none; the session is seeded the way the callback fills it: a
/// code flow with PKCE played against the identity server (<see cref="RawOidcClient"/>) and its tokens put into the
/// session's token store.</item>
/// <item><c>UnauthorizedRefreshesFirst = true</c>: a 401 refreshes at the identity server and logs out only when that fails.</item>
/// </list>
/// A session ends as a revoked one does (the identity server refuses its refresh token, the access token has run
/// out); the backend breaks as a token store that throws.
/// </summary>
public sealed class OidcAuthProviderConformanceTests(ConformanceIdentityServerFixture idp)
    : AuthProviderConformance, IClassFixture<ConformanceIdentityServerFixture>
{
    private static readonly ConformanceAccount Admin = new("admin@idp.local", "Admin123!");

    protected override ConformanceProfile Profile { get; } = new()
    {
        PasswordLogin = false,
        UnauthorizedRefreshesFirst = true,
        Features = AuthFeatures.Identity | AuthFeatures.Permissions,
        Permissions = ["admin", "editor"],
        HostileLogins = 40,
    };

    protected override Task<ConformanceSession> StartSessionAsync()
    {
        var store = new BreakableTokenStore();
        var session = ConformanceSession.FromServices(Admin, services =>
        {
            var refine = services.AddRefine().AddBlazor().AddServerSessions();
            // No circuit here: the page the engine is on, and where the login sends the browser, are recorded.
            services.Replace(ServiceDescriptor.Scoped<INavigator, PageNavigator>());
            refine.AddOidcAuth(o =>
            {
                o.RequireHttps = false;
                o.AddProvider("idp", p =>
                {
                    p.Authority = new Uri(idp.Issuer);
                    p.ClientId = IdentityServerFixture.ClientId;
                    p.ClientSecret = IdentityServerFixture.ClientSecret;
                });
            });
            // The server-side session needs a request; its place is taken by a store of the same contract.
            services.RemoveAll<ITokenStore>();
            services.AddScoped<ITokenStore>(_ => store);
            services.RemoveAll<ICrossContextLock>();
        });
        session.SignIn = async _ => await store.SetAsync(await CodeFlowAsync());
        session.EndSession = async ct =>
        {
            var tokens = await store.GetAsync(ct) ?? throw new InvalidOperationException("not signed in");
            await store.SetAsync(tokens with { RefreshToken = "revoked", ExpiresAt = DateTimeOffset.UtcNow.AddMinutes(-1) }, ct);
        };
        session.BreakBackend = _ =>
        {
            store.Broken = true;
            return Task.CompletedTask;
        };
        return Task.FromResult(session);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public Task Conforms(string name) => RunAsync(name);

    /// <summary>The code flow with PKCE against the identity server, as the callback would complete it: the tokens it redeems.</summary>
    private async Task<TokenSet> CodeFlowAsync()
    {
        using var client = new RawOidcClient(idp.Issuer);
        var verifier = RawOidcClient.NewVerifier();
        var callback = await client.AuthorizeAsync(client.AuthorizeUrl(verifier, state: Guid.NewGuid().ToString("N")), Admin.Email, Admin.Password);
        var (status, body) = await client.RedeemCodeAsync(RawOidcClient.Code(callback), verifier);
        Assert.Equal(System.Net.HttpStatusCode.OK, status);
        return new TokenSet
        {
            AccessToken = body.GetProperty("access_token").GetString()!,
            RefreshToken = body.GetProperty("refresh_token").GetString(),
            IdToken = body.GetProperty("id_token").GetString(),
            ExpiresAt = DateTimeOffset.UtcNow.AddSeconds(body.TryGetProperty("expires_in", out var e) && e.ValueKind == JsonValueKind.Number ? e.GetInt32() : 300),
        };
    }

    /// <summary>The engine's navigator without a circuit: on the login page, remembering where it was sent.</summary>
    private sealed class PageNavigator : INavigator
    {
        public string CurrentUri { get; private set; } = "http://127.0.0.1:6121/login";

        public void NavigateTo(string path, NavigationKind kind) => CurrentUri = "http://127.0.0.1:6121" + path;
    }
}
