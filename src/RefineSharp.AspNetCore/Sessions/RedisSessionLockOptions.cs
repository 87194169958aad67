namespace RefineSharp.AspNetCore.Sessions;

/// <summary>Timings of <see cref="RedisSessionLock"/> (internal: the defaults fit every refresh; tests shorten them).</summary>
internal sealed class RedisSessionLockOptions
{
    /// <summary>
    /// How long a taken lock lives in Redis unless released: the longest an instance that died while refreshing blocks
    /// the session's next refresh. Longer than the coordinator's refresh timeout (30 s by default), so a slow but live
    /// refresh is never overtaken by a second one. Default: 45 seconds.
    /// </summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromSeconds(45);

    /// <summary>The longest pause between two attempts of a waiting instance (attempts start at 5 ms and double). Default: 100 ms.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMilliseconds(100);
}
