namespace RefineSharp.IdentityServer.Hosting;

/// <summary>
/// The server's settings (section "Idp"; environment variables Idp__Name). Token lifetimes are short-circuitable so
/// the browser tests can watch a refresh happen; the defaults are what a real deployment would start from.
/// </summary>
public sealed class IdpSettings
{
    /// <summary>The SQLite file, relative to the content root. Default: App_Data/idp.db.</summary>
    public string Database { get; set; } = "App_Data/idp.db";

    /// <summary>The client applications allowed to sign in here (the OIDC demo by default).</summary>
    public List<IdpClient> Clients { get; set; } = [];

    /// <summary>How long an access token lives. Default: 5 minutes.</summary>
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How long a refresh token that has been used once may be used again (OpenIddict's reuse leeway). Default: zero,
    /// strict reuse detection: a second use revokes every token of the sign-in, so a client that refreshes twice in
    /// parallel logs its user out. The OIDC provider must never do that; the tests run with this default.
    /// </summary>
    public TimeSpan RefreshTokenReuseLeeway { get; set; } = TimeSpan.Zero;

    /// <summary>How long an ID token lives. Default: 20 minutes (OpenIddict's default).</summary>
    public TimeSpan IdentityTokenLifetime { get; set; } = TimeSpan.FromMinutes(20);

    /// <summary>Test-only faults (<see cref="IdpFaults"/>). Off by default; refused in Production.</summary>
    public IdpFaultSettings Faults { get; set; } = new();

    /// <summary>Seeds the documented passwords (Development) instead of refusing to start without Idp:SeedPasswords.</summary>
    public bool SeedKnownPasswords { get; set; }
}

/// <summary>One client application (a confidential web app using the code flow with PKCE).</summary>
public sealed class IdpClient
{
    /// <summary>The client_id.</summary>
    public string ClientId { get; set; } = "";

    /// <summary>The client secret (hashed by OpenIddict when stored).</summary>
    public string ClientSecret { get; set; } = "";

    /// <summary>The name shown on the login page.</summary>
    public string DisplayName { get; set; } = "";

    /// <summary>The exact redirect URIs (the client's callback endpoint).</summary>
    public List<string> RedirectUris { get; set; } = [];

    /// <summary>The exact post-logout redirect URIs.</summary>
    public List<string> PostLogoutRedirectUris { get; set; } = [];
}

/// <summary>The switch of the test-only faults.</summary>
public sealed class IdpFaultSettings
{
    /// <summary>Maps <c>PUT /testing/faults</c> (loopback only) so the tests can make this server misbehave. Default: false.</summary>
    public bool Enabled { get; set; }
}
