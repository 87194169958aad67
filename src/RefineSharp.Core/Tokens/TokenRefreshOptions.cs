namespace RefineSharp.Tokens;

/// <summary>Options of the <see cref="TokenRefreshCoordinator"/>; validated when the app starts (and when a coordinator is created).</summary>
public sealed class TokenRefreshOptions
{
    /// <summary>The largest accepted <see cref="RefreshSkew"/>.</summary>
    public static readonly TimeSpan MaxRefreshSkew = TimeSpan.FromDays(1);

    /// <summary>The largest accepted <see cref="RefreshTimeout"/>.</summary>
    public static readonly TimeSpan MaxRefreshTimeout = TimeSpan.FromMinutes(10);

    /// <summary>
    /// How long before its expiry an access token is already refreshed, so it does not expire in flight. Default:
    /// 30 seconds; zero or more, at most <see cref="MaxRefreshSkew"/>.
    /// </summary>
    public TimeSpan RefreshSkew { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a refresh may take before it counts as failed. Default: 30 seconds; more than zero, at most <see cref="MaxRefreshTimeout"/>.</summary>
    public TimeSpan RefreshTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
