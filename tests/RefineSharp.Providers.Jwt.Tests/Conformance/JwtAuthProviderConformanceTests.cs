using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using RefineSharp.Providers.Jwt.Tests.Fixtures;
using RefineSharp.Testing.Conformance;
using RefineSharp.Tokens;

namespace RefineSharp.Providers.Jwt.Tests.Conformance;

/// <summary>
/// refine's provider contract, run against <c>AddJwtAuth</c> and the real sample API (samples/RefineSharp.JwtApi on
/// Kestrel at 127.0.0.1:6110). A session ends the way it does in production: the API revokes the user's tokens and
/// the access token runs out, so the refresh is refused. The backend breaks as a token store that throws.
/// </summary>
public sealed class JwtAuthProviderConformanceTests : AuthProviderConformance, IAsyncLifetime
{
    private const long AdminId = 1;
    private static readonly ConformanceAccount Admin = new("admin@jwt.local", "Admin123!");

    private JwtApiServer _api = null!;

    protected override ConformanceProfile Profile { get; } = new()
    {
        Features = AuthFeatures.Identity | AuthFeatures.Permissions,
        Permissions = ["admin", "editor"],
    };

    public async Task InitializeAsync() => _api = await JwtApiServer.StartAsync(6110);

    public async Task DisposeAsync() => await _api.DisposeAsync();

    protected override Task<ConformanceSession> StartSessionAsync()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var store = new BreakableTokenStore();
        var session = ConformanceSession.FromServices(Admin, services =>
        {
            services.AddSingleton<TimeProvider>(time);
            services.AddScoped<ITokenStore>(_ => store);
            services.AddRefine().AddJwtAuth(o =>
            {
                o.BaseAddress = _api.Address;
                o.RequireServerSessions = false;
            });
        });
        session.EndSession = async _ =>
        {
            await _api.RevokeAllAsync(AdminId);
            time.Advance(TimeSpan.FromMinutes(6));
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
