namespace RefineSharp.Tokens;

/// <summary>Options of the <see cref="TokenRefreshCoordinator"/>.</summary>
public sealed class TokenRefreshOptions
{
    /// <summary>How long before its expiry an access token is already refreshed, so it does not expire in flight. Default: 30 seconds.</summary>
    public TimeSpan RefreshSkew { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a refresh may take before it counts as failed. Default: 30 seconds.</summary>
    public TimeSpan RefreshTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
