using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.StackExchangeRedis;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace RefineSharp.AspNetCore.Sessions;

/// <summary>
/// Picks the cross-instance refresh lock from the session store the app registered: Redis
/// (<c>AddStackExchangeRedisCache</c>) gets <see cref="RedisSessionLock"/> on the same server; any other cache (the
/// in-memory default: one instance) gets none. Automatic, so an app that scales out on Redis cannot forget it.
/// </summary>
internal static class DistributedSessionLocks
{
    public static IDistributedSessionLock Create(IServiceProvider services)
    {
        if (services.GetService<IDistributedCache>() is not RedisCache
            || services.GetService<IOptions<RedisCacheOptions>>()?.Value is not { } redis
            || !RedisSessionLock.CanUse(redis))
        {
            return NoDistributedSessionLock.Instance;
        }

        return new RedisSessionLock(
            redis,
            services.GetRequiredService<IOptions<RedisSessionLockOptions>>(),
            services.GetService<TimeProvider>(),
            services.GetService<ILogger<RedisSessionLock>>());
    }
}
