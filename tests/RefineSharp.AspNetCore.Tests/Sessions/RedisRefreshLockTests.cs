using System.Diagnostics;
using System.Net;
using System.Security.Claims;
using Microsoft.Extensions.DependencyInjection;
using RefineSharp.AspNetCore.Sessions;
using RefineSharp.AspNetCore.Tests.Fixtures;
using RefineSharp.Tokens;
using StackExchange.Redis;
using Xunit.Abstractions;

namespace RefineSharp.AspNetCore.Tests.Sessions;

/// <summary>
/// Two instances of one app on a real redis-server refresh one session once, however many circuits of both ask at
/// the same moment, against a backend that rotates refresh tokens and revokes the whole chain when one is used twice.
/// </summary>
public sealed class RedisRefreshLockTests(ITestOutputHelper output) : IAsyncLifetime
{
    private RedisServer _redis = null!;
    private ConnectionMultiplexer _connection = null!;

    public async Task InitializeAsync()
    {
        _redis = await RedisServer.StartAsync();
        _connection = await ConnectionMultiplexer.ConnectAsync(_redis.ConnectionString);
    }

    public async Task DisposeAsync()
    {
        await _connection.DisposeAsync();
        await _redis.DisposeAsync();
    }

    [Fact]
    public async Task The_lock_is_chosen_from_the_session_store_Redis_gets_the_Redis_lock_memory_gets_none()
    {
        await using var onRedis = await RedisInstance.StartAsync(_redis.ConnectionString, 6210);
        Assert.IsType<RedisSessionLock>(onRedis.Services.GetRequiredService<IDistributedSessionLock>());

        var backplane = new SharedBackplane();
        await using var inMemory = await SessionHost.StartAsync(backplane.Cache, backplane.Keys);
        Assert.IsType<NoDistributedSessionLock>(inMemory.Services.GetRequiredService<IDistributedSessionLock>());
    }

    [Fact]
    public async Task Many_circuits_on_two_instances_refreshing_one_session_at_once_call_the_token_endpoint_once_per_round_and_never_trip_reuse_detection()
    {
        await using var first = await RedisInstance.StartAsync(_redis.ConnectionString, 6211);
        await using var second = await RedisInstance.StartAsync(_redis.ConnectionString, 6212);
        var key = await SignInAsync(first);
        var backend = new RotatingBackend((await StoreOf(first, key).GetAsync())!);
        var seed = Environment.TickCount;
        output.WriteLine($"seed {seed}");
        var random = new Random(seed);
        var clock = Stopwatch.StartNew();
        var rounds = 0;

        // Randomized interleavings, bounded in count and time: circuits per instance, start offsets and the backend's
        // latency vary per round; every round all circuits hold the same rejected token and ask for a refresh.
        while (rounds < 40 && clock.Elapsed < TimeSpan.FromSeconds(40))
        {
            rounds++;
            var rejected = (await StoreOf(second, key).GetAsync())!;
            backend.Latency = TimeSpan.FromMilliseconds(random.Next(0, 40));
            var callsBefore = backend.Calls;
            var circuits = new List<IServiceScope>();
            var refreshes = new List<Task<TokenSet?>>();
            foreach (var instance in new[] { first, second })
            {
                for (var i = random.Next(1, 7); i > 0; i--)
                {
                    var circuit = Circuit(instance, key);
                    circuits.Add(circuit);
                    var delay = random.Next(0, 15);
                    var coordinator = Coordinator(circuit, backend);
                    refreshes.Add(Task.Run(async () =>
                    {
                        await Task.Delay(delay);
                        return await coordinator.ForceRefreshAsync(rejected);
                    }));
                }
            }

            var results = await Task.WhenAll(refreshes);
            circuits.ForEach(c => c.Dispose());

            Assert.Equal(callsBefore + 1, backend.Calls);
            Assert.Equal(0, backend.Reuses);
            Assert.False(backend.Revoked);
            var current = backend.Current.AccessToken;
            Assert.All(results, r => Assert.Equal(current, r?.AccessToken));
            Assert.Equal(current, (await StoreOf(first, key).GetAsync())!.AccessToken);
        }

        output.WriteLine($"{rounds} rounds, {backend.Calls} token endpoint calls, {clock.Elapsed.TotalSeconds:F1} s");
        Assert.True(rounds >= 10, $"only {rounds} rounds ran");
    }

    [Fact]
    public async Task A_lock_left_by_an_instance_that_died_blocks_the_refresh_only_until_its_lease_ends()
    {
        await using var instance = await RedisInstance.StartAsync(_redis.ConnectionString, 6213);
        var key = await SignInAsync(instance);
        var backend = new RotatingBackend((await StoreOf(instance, key).GetAsync())!);

        // What a killed instance leaves behind: its lock, with its own token and a 2-second lease, never released.
        var lease = TimeSpan.FromSeconds(2);
        Assert.True(await _connection.GetDatabase().LockTakeAsync(RedisSessionLock.KeyFor(RedisInstance.InstanceName, key), "dead-instance", lease));
        var clock = Stopwatch.StartNew();

        using var circuit = Circuit(instance, key);
        var refresh = Coordinator(circuit, backend).ForceRefreshAsync((await StoreOf(instance, key).GetAsync())!);
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.False(refresh.IsCompleted, "the refresh ran while another instance held the lock");
        Assert.Equal(0, backend.Calls);

        var renewed = await refresh.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(clock.Elapsed >= lease - TimeSpan.FromMilliseconds(100), $"ran after {clock.Elapsed}");
        Assert.Equal(1, backend.Calls);
        Assert.Equal(backend.Current.AccessToken, renewed?.AccessToken);

        // Released after the refresh: nothing is left in Redis for the next one to wait on.
        Assert.False(await _connection.GetDatabase().KeyExistsAsync(RedisSessionLock.KeyFor(RedisInstance.InstanceName, key)));
    }

    private static ITokenStore StoreOf(RedisInstance instance, string key)
    {
        var scope = instance.Services.CreateScope();
        SetUser(scope, key);
        return scope.ServiceProvider.GetRequiredService<ITokenStore>();
    }

    private static IServiceScope Circuit(RedisInstance instance, string key)
    {
        var scope = instance.Services.CreateScope();
        SetUser(scope, key);
        return scope;
    }

    private static void SetUser(IServiceScope scope, string key) =>
        scope.ServiceProvider.GetRequiredService<SessionUser>().SetHostPrincipal(
            new ClaimsPrincipal(new ClaimsIdentity([new Claim(SessionClaims.SessionId, key)], ServerSessionOptions.Scheme)));

    private static TokenRefreshCoordinator Coordinator(IServiceScope circuit, ITokenRefresher refresher) =>
        new(circuit.ServiceProvider.GetRequiredService<ITokenStore>(), refresher, crossContextLock: circuit.ServiceProvider.GetRequiredService<ICrossContextLock>());

    private static async Task<string> SignInAsync(RedisInstance instance)
    {
        using var browser = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = instance.BaseAddress };
        using var login = await browser.PostAsync(new Uri("t/login", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["email"] = "ann@example.com",
            ["password"] = TokenTestProvider.Password,
        }));
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var key = await browser.GetStringAsync(new Uri("t/session-key", UriKind.Relative));
        Assert.False(string.IsNullOrEmpty(key));
        return key;
    }

    /// <summary>
    /// A token endpoint with OpenIddict's strictest rotation: each refresh token works once and yields a new one; one
    /// presented a second time revokes the whole chain (every later refresh is refused), as the sample identity server does.
    /// </summary>
    private sealed class RotatingBackend(TokenSet initial) : ITokenRefresher
    {
        private readonly Lock _gate = new();
        private readonly HashSet<string> _redeemed = [];
        private int _calls;
        private int _reuses;

        public TokenSet Current { get; private set; } = initial;

        public TimeSpan Latency { get; set; }

        public bool Revoked { get; private set; }

        public int Calls => Volatile.Read(ref _calls);

        public int Reuses => Volatile.Read(ref _reuses);

        public async Task<TokenSet?> RefreshAsync(TokenSet current, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _calls);
            await Task.Delay(Latency, cancellationToken);
            lock (_gate)
            {
                if (Revoked || !_redeemed.Add(current.RefreshToken!) || current.RefreshToken != Current.RefreshToken)
                {
                    Interlocked.Increment(ref _reuses);
                    Revoked = true;
                    return null;
                }

                Current = TokenTestProvider.NewTokens();
                return Current;
            }
        }
    }
}
