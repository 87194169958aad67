using System.Collections.Concurrent;
using System.Net;
using Microsoft.Coyote.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using RefineSharp.Tokens;

namespace RefineSharp.Tests.Concurrency;

/// <summary>
/// One user's session, built from the real parts: <see cref="AuthManager"/>, <see cref="TokenRefreshCoordinator"/>,
/// <see cref="MemoryTokenStore"/>, the HTTP chain (<see cref="AuthErrorHandler"/> over <see cref="BearerTokenHandler"/>),
/// and a <see cref="TokenTestProvider"/>. Wired like <c>AddTokenRefresh</c> does (a failed refresh ends the session
/// through <c>AuthManager.EndSessionAfterFailedRefreshAsync</c>), but the session ends are kept so a test can wait for them.
/// The test doubles (provider, refresher, server) call <see cref="Interleave"/> where the scheduler may switch.
/// </summary>
internal sealed class AuthWorld : IAsyncDisposable
{
    private readonly ServiceProvider _root;
    private readonly AsyncServiceScope _scope;
    private readonly ConcurrentQueue<Task> _sessionEnds = new();
    private int _refresherCalls;

    public AuthWorld()
    {
        // A fake clock that never moves: no provider or refresh timeout can fire in the middle of a schedule.
        var time = new FakeTimeProvider(new DateTimeOffset(2030, 1, 1, 12, 0, 0, TimeSpan.Zero));
        Now = time.GetUtcNow();
        Provider = new TokenTestProvider(Store) { Interleave = Interleave };
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(time);
        services.AddRefine().AddAuthProvider(Provider);
        _root = services.BuildServiceProvider();
        _scope = _root.CreateAsyncScope();
        Manager = _scope.ServiceProvider.GetRequiredService<AuthManager>();
        Coordinator = new TokenRefreshCoordinator(Store, new ScriptedRefresher(this), timeProvider: time);
        Coordinator.RefreshFailed += (_, _) => _sessionEnds.Enqueue(Manager.EndSessionAfterFailedRefreshAsync(Store, CancellationToken.None));

        var origin = new BearerTokenHandlerOptions();
        origin.AllowedOrigins.Add(new Uri("https://api.test"));
        var bearer = new BearerTokenHandler(Coordinator, Options.Create(origin)) { InnerHandler = new Server(this) };
        Http = new HttpClient(new AuthErrorHandler(Manager) { InnerHandler = bearer }) { BaseAddress = new Uri("https://api.test/") };
    }

    public DateTimeOffset Now { get; }

    public MemoryTokenStore Store { get; } = new();

    public TokenTestProvider Provider { get; }

    public AuthManager Manager { get; }

    public TokenRefreshCoordinator Coordinator { get; }

    public HttpClient Http { get; }

    /// <summary>How the refresher answers; default: renewed tokens.</summary>
    public Func<TokenSet, TokenSet?> RefreshAnswer { get; set; } = current => current with { AccessToken = "renewed-" + current.AccessToken, ExpiresAt = null };

    /// <summary>Which access token the API accepts; default: none (every call is a 401).</summary>
    public Func<string?, bool> ServerAccepts { get; set; } = _ => false;

    public int RefresherCalls => Volatile.Read(ref _refresherCalls);

    public TokenSet ExpiredTokens(string access = "old") =>
        new() { AccessToken = access, RefreshToken = "refresh-" + access, ExpiresAt = Now.AddMinutes(-1) };

    /// <summary>A point where the scheduler may run another operation, then a real yield so the work is split into pieces.</summary>
    public static async Task Interleave()
    {
        SchedulingPoint.Interleave();
        await Task.Yield();
    }

    /// <summary>A data call that the API answers with 401 (unless <see cref="ServerAccepts"/> says otherwise).</summary>
    public async Task<HttpStatusCode> CallApiAsync()
    {
        using var response = await Http.GetAsync(new Uri("data", UriKind.Relative));
        return response.StatusCode;
    }

    /// <summary>Waits for every session end that a failed refresh started (they are fire-and-forget in the app).</summary>
    public async Task SettleAsync()
    {
        while (_sessionEnds.TryDequeue(out var end))
        {
            await end;
        }
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _scope.DisposeAsync();
        await _root.DisposeAsync();
    }

    private sealed class ScriptedRefresher(AuthWorld world) : ITokenRefresher
    {
        public async Task<TokenSet?> RefreshAsync(TokenSet current, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref world._refresherCalls);
            await Interleave();
            return world.RefreshAnswer(current);
        }
    }

    private sealed class Server(AuthWorld world) : HttpMessageHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            await Interleave();
            var accepted = world.ServerAccepts(request.Headers.Authorization?.Parameter);
            return new HttpResponseMessage(accepted ? HttpStatusCode.OK : HttpStatusCode.Unauthorized) { RequestMessage = request };
        }
    }
}
