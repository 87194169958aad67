namespace RefineSharp;

/// <summary>Options of the <see cref="AuthManager"/>.</summary>
public sealed class RefineOptions
{
    /// <summary>
    /// How long a provider call may take before it counts as failed (a check that times out means "not
    /// authenticated"). Default: 30 seconds.
    /// </summary>
    public TimeSpan ProviderTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long a cached check, identity or permissions answer is reused before the provider is asked again.
    /// Default: null, meaning until the auth store is invalidated (login, logout, register or an explicit call).
    /// </summary>
    public TimeSpan? QueryCacheDuration { get; set; }

    /// <summary>
    /// When an error from a data call ends the session (onError asks for logout), add the page the user was on as
    /// <c>?to=</c> to the logout's redirect, so that logging in again brings them back. Default: true. refine does not.
    /// </summary>
    public bool ReturnToPageAfterSessionEnds { get; set; } = true;

    /// <summary>The name of the query parameter that carries the return path to the login page. Default: "to".</summary>
    public string ReturnPathParameter { get; set; } = "to";
}
