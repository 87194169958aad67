namespace RefineSharp.Testing.Conformance;

/// <summary>
/// What the provider under test declares about itself. Cases whose premise a profile rules out do not skip: they
/// check the declared opposite instead (for example, without <see cref="PasswordLogin"/> a right password must still
/// never sign anyone in by itself).
/// </summary>
public sealed record ConformanceProfile
{
    /// <summary>
    /// True (default) when <c>LoginAsync</c> with email and password signs in. False for redirect providers (OpenID
    /// Connect): their login only starts a round trip, so the suite signs in through <see cref="ConformanceSession.SignIn"/>.
    /// </summary>
    public bool PasswordLogin { get; init; } = true;

    /// <summary>The optional members the provider implements; must equal <see cref="AuthProvider.Features"/>.</summary>
    public AuthFeatures Features { get; init; }

    /// <summary>The permissions <c>GetPermissionsAsync</c> returns after sign-in (compared as a set); null: not compared.</summary>
    public IReadOnlyCollection<string>? Permissions { get; init; }

    /// <summary>True when a 403 logs the user out (refine's tutorial does); false (default) when it only reports the error.</summary>
    public bool ForbiddenLogsOut { get; init; }

    /// <summary>
    /// True when a 401 first refreshes the session and logs out only when that fails (OpenID Connect). False (default):
    /// a 401 on a signed-in session always answers <see cref="OnErrorResult.Logout"/>.
    /// </summary>
    public bool UnauthorizedRefreshesFirst { get; init; }

    /// <summary>How many calls the concurrency case starts at once. Default: 32.</summary>
    public int ConcurrentCalls { get; init; } = 32;

    /// <summary>How many generated hostile logins the hostile-input case tries (on top of a fixed list). Default: 60.</summary>
    public int HostileLogins { get; init; } = 60;
}
