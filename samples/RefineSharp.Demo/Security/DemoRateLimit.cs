namespace RefineSharp.Demo.Security;

/// <summary>One endpoint's limits: requests per account and per client within a fixed window.</summary>
public sealed class DemoRateLimit
{
    /// <summary>Requests per account (email or refresh token) per window.</summary>
    public int PerAccount { get; set; }

    /// <summary>Requests per client IP per window (the app's own circuit calls excepted).</summary>
    public int PerClient { get; set; }

    /// <summary>The window length ("00:01:00").</summary>
    public TimeSpan Window { get; set; }
}
