namespace RefineSharp;

/// <summary>
/// Options of the <see cref="AuthManager"/>, validated when the app starts (by <c>services.AddRefine()</c>).
/// Each engine copies them when it is created; read them back through <see cref="AuthManager.Options"/>.
/// </summary>
public sealed class RefineOptions
{
    /// <summary>The largest <see cref="ProviderTimeout"/> accepted: 10 minutes.</summary>
    public static readonly TimeSpan MaxProviderTimeout = TimeSpan.FromMinutes(10);

    /// <summary>The largest <see cref="QueryCacheDuration"/> accepted: 365 days.</summary>
    public static readonly TimeSpan MaxQueryCacheDuration = TimeSpan.FromDays(365);

    /// <summary>The largest <see cref="MaxCachedQueriesPerKind"/> accepted: 100,000.</summary>
    public const int MaxQueryCacheSize = 100_000;

    /// <summary>
    /// How long a provider call may take before it counts as failed (a check that times out means "not
    /// authenticated"). Must be greater than zero and at most <see cref="MaxProviderTimeout"/>. Default: 30 seconds.
    /// </summary>
    public TimeSpan ProviderTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long a cached check, identity or permissions answer is reused before the provider is asked again
    /// (zero: never reused; at most <see cref="MaxQueryCacheDuration"/>).
    /// Default: null, meaning until the auth store is invalidated (login, logout, register or an explicit call).
    /// </summary>
    public TimeSpan? QueryCacheDuration { get; set; }

    /// <summary>
    /// How many answers with distinct parameters each query (check, identity, permissions) keeps; when one more
    /// arrives, the oldest is forgotten. The answer without parameters is always kept. Between 1 and
    /// <see cref="MaxQueryCacheSize"/>. Default: 256.
    /// </summary>
    public int MaxCachedQueriesPerKind { get; set; } = 256;

    /// <summary>
    /// When an error from a data call ends the session (onError asks for logout), add the page the user was on as
    /// <c>?to=</c> to the logout's redirect, so that logging in again brings them back. Default: true. refine does not.
    /// </summary>
    public bool ReturnToPageAfterSessionEnds { get; set; } = true;

    /// <summary>
    /// The name of the query parameter that carries the return path to the login page: letters, digits, '-', '.',
    /// '_' or '~'. Default: "to".
    /// </summary>
    public string ReturnPathParameter { get; set; } = "to";

    /// <summary>
    /// For Development only: show the type and message of an exception a provider threw in notifications and
    /// inline errors. Off (the default), users read a generic localized text and the details go to the log only;
    /// exception messages can name hosts, connection strings and configuration, so never turn this on in Production.
    /// </summary>
    public bool ShowErrorDetails { get; set; }
}
