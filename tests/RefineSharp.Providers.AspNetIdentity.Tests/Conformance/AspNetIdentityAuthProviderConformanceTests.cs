using Microsoft.Extensions.DependencyInjection;
using RefineSharp.Providers.AspNetIdentity.Tests.Fixtures;
using RefineSharp.Testing.Conformance;
using RefineSharp.Tokens;

namespace RefineSharp.Providers.AspNetIdentity.Tests.Conformance;

/// <summary>
/// refine's provider contract, run against <c>AddAspNetIdentityAuth</c> and a real Identity API (MapIdentityApi on
/// SQLite, <see cref="IdentityApiServer"/>). Every session has its own new user (so lockout from one case's wrong
/// passwords never reaches another). A session ends as a revoked one does: the server refuses its tokens and its
/// refresh token. The backend breaks as a token store that throws.
/// </summary>
public sealed class AspNetIdentityAuthProviderConformanceTests(IdentityApiServerFixture fixture)
    : AuthProviderConformance, IClassFixture<IdentityApiServerFixture>
{
    private const string Password = "Passw0rd!";

    protected override ConformanceProfile Profile { get; } = new()
    {
        Features = AuthFeatures.Register | AuthFeatures.ForgotPassword | AuthFeatures.UpdatePassword | AuthFeatures.UpdateIdentity
            | AuthFeatures.Identity | AuthFeatures.Permissions,
        Permissions = ["admin", "editor"],
    };

    protected override async Task<ConformanceSession> StartSessionAsync()
    {
        var server = fixture.Server;
        var email = IdentityApiServerFixture.NewEmail("conformance");
        await server.CreateUserAsync(email, Password, "admin", "editor");
        var store = new BreakableTokenStore();
        var session = ConformanceSession.FromServices(new ConformanceAccount(email, Password), services =>
        {
            services.AddScoped<ITokenStore>(_ => store);
            services.AddRefine().AddAspNetIdentityAuth(o => o.BaseAddress = server.BaseAddress);
        });
        session.EndSession = async ct =>
        {
            // What the server stops accepting: an access token it never issued, expired, and a refresh token it refuses.
            var tokens = await store.GetAsync(ct) ?? throw new InvalidOperationException("not signed in");
            await store.SetAsync(tokens with { AccessToken = "revoked", RefreshToken = "revoked", ExpiresAt = DateTimeOffset.UtcNow.AddMinutes(-1) }, ct);
        };
        session.BreakBackend = _ =>
        {
            store.Broken = true;
            return Task.CompletedTask;
        };
        return session;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public Task Conforms(string name) => RunAsync(name);
}
