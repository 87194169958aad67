using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Caching.StackExchangeRedis;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace RefineSharp.AspNetCore.Sessions;

/// <summary>
/// The session's cross-instance refresh lock on the Redis that holds the sessions: StackExchange.Redis's
/// <c>LockTakeAsync</c> (<c>SET key token NX PX lease</c>) takes it, <c>LockReleaseAsync</c> (delete only while it
/// still holds this caller's random token) gives it back, and the lease ends it on its own when the holder died.
/// Waiters retry with a short, growing, jittered pause. The Redis key carries a hash of the session key, never the key.
/// </summary>
internal sealed class RedisSessionLock : IDistributedSessionLock, IAsyncDisposable
{
    private readonly Func<Task<IConnectionMultiplexer>> _connect;
    private readonly bool _ownsConnection;
    private readonly string? _instanceName;
    private readonly RedisSessionLockOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _connecting = new(1, 1);
    private IConnectionMultiplexer? _connection;

    public RedisSessionLock(
        RedisCacheOptions cache,
        IOptions<RedisSessionLockOptions> options,
        TimeProvider? timeProvider = null,
        ILogger<RedisSessionLock>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(cache);
        if (cache.ConnectionMultiplexerFactory is { } factory)
        {
            // The app's own connection (shared with its cache): used, never closed here.
            _connect = factory;
        }
        else
        {
            var configuration = cache.ConfigurationOptions?.Clone() ?? ConfigurationOptions.Parse(cache.Configuration ?? string.Empty);
            _connect = async () => await ConnectionMultiplexer.ConnectAsync(configuration);
            _ownsConnection = true;
        }

        _instanceName = cache.InstanceName;
        _options = options.Value;
        _time = timeProvider ?? TimeProvider.System;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <summary>Whether <paramref name="cache"/> names a Redis to connect to (otherwise the lock has nowhere to live).</summary>
    public static bool CanUse(RedisCacheOptions cache) =>
        cache.ConnectionMultiplexerFactory is not null || cache.ConfigurationOptions is not null || !string.IsNullOrWhiteSpace(cache.Configuration);

    public async Task<IAsyncDisposable?> AcquireAsync(string sessionKey, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(sessionKey);
        var key = new RedisKey(KeyFor(_instanceName, sessionKey));
        var token = new RedisValue(Guid.NewGuid().ToString("N"));
        var delay = TimeSpan.FromMilliseconds(5);
        try
        {
            var database = (await ConnectAsync(cancellationToken)).GetDatabase();
            while (!await database.LockTakeAsync(key, token, _options.Lease))
            {
                // Another instance refreshes this session: wait, then try again (its release or its lease ends it).
                var jitter = TimeSpan.FromMilliseconds(Random.Shared.Next(0, (int)Math.Max(1, delay.TotalMilliseconds)));
                await Task.Delay(delay + jitter, _time, cancellationToken);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, _options.MaxRetryDelay.Ticks));
            }

            return new Held(database, key, token, _logger);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            SessionLog.RefreshLockUnavailable(_logger, ex);
            return null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_ownsConnection && _connection is { } connection)
        {
            await connection.DisposeAsync();
        }

        _connecting.Dispose();
    }

    private async Task<IConnectionMultiplexer> ConnectAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _connection) is { } ready)
        {
            return ready;
        }

        await _connecting.WaitAsync(cancellationToken);
        try
        {
            return _connection ??= await _connect();
        }
        finally
        {
            _connecting.Release();
        }
    }

    /// <summary>The Redis key of session <paramref name="sessionKey"/>'s lock, under the cache's instance name.</summary>
    internal static string KeyFor(string? instanceName, string sessionKey) => (instanceName ?? string.Empty) + "refine:refresh-lock:" + Hash(sessionKey);

    // The session key is a bearer secret (it is what the cookie protects): Redis sees only its hash.
    private static string Hash(string sessionKey) => WebEncoders.Base64UrlEncode(SHA256.HashData(Encoding.UTF8.GetBytes(sessionKey)));

    private sealed class Held(IDatabase database, RedisKey key, RedisValue token, ILogger logger) : IAsyncDisposable
    {
        private int _released;

        public async ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _released, 1) != 0)
            {
                return;
            }

            try
            {
                // Deletes the key only while it still holds this token: a lease that ran out and was taken by another
                // instance is left alone.
                await database.LockReleaseAsync(key, token);
            }
            catch (Exception ex) when (ex is RedisException or TimeoutException)
            {
                // The lease ends it anyway.
                SessionLog.RefreshLockUnavailable(logger, ex);
            }
        }
    }
}
