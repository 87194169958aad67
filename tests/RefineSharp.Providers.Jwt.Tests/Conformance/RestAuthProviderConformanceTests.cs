using Microsoft.Extensions.DependencyInjection;
using RefineSharp.Providers.Jwt.Tests.Fixtures;
using RefineSharp.Testing.Conformance;
using RefineSharp.Tests.Readme;
using RefineSharp.Tokens;

namespace RefineSharp.Providers.Jwt.Tests.Conformance;

/// <summary>
/// "A user's own provider": the hand-written provider of README.md, through the conformance suite exactly as
/// docs/writing-a-provider.md ("Prove it") shows, against the sample API on 127.0.0.1:6111.
/// </summary>
public sealed class RestAuthProviderConformanceTests : AuthProviderConformance, IAsyncLifetime
{
    private JwtApiServer _api = null!;

    protected override ConformanceProfile Profile { get; } = new()
    {
        Features = AuthFeatures.Identity, // the optional members RestAuthProvider overrides
    };

    public async Task InitializeAsync() => _api = await JwtApiServer.StartAsync(6111);

    public async Task DisposeAsync() => await _api.DisposeAsync();

    protected override Task<ConformanceSession> StartSessionAsync()
    {
        var store = new BreakableTokenStore();
        var session = ConformanceSession.FromServices(new ConformanceAccount("admin@jwt.local", "Admin123!"), services =>
        {
            services.AddScoped<ITokenStore>(_ => store);
            services.AddHttpClient<RestAuthProvider>(http => http.BaseAddress = _api.Address);
            services.AddRefine().AddAuthProvider<RestAuthProvider>();
        });
        session.EndSession = async ct =>
        {
            // As in production: the API revokes the user's tokens, and the stored one runs out.
            await _api.RevokeAllAsync(1);
            var tokens = await store.GetAsync(ct) ?? throw new InvalidOperationException("not signed in");
            await store.SetAsync(tokens with { ExpiresAt = DateTimeOffset.UtcNow.AddMinutes(-1) }, ct);
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
}
