namespace RefineSharp.JwtApi;

/// <summary>Settings of the sample API (section "JwtApi").</summary>
public sealed class JwtApiOptions
{
    /// <summary>How long an access token lives. Default: 5 minutes.</summary>
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long a refresh token lives. Default: 7 days.</summary>
    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Maps /dev/revoke and /dev/stats (tests use them to end sessions and watch refreshes). Default: false.</summary>
    public bool EnableDevEndpoints { get; set; }
}
