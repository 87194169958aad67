namespace RefineSharp.Providers.Oidc;

/// <summary>One OpenID Connect identity provider (an OpenIddict client registration plus how to read its claims).</summary>
public sealed class OidcProviderOptions
{
    /// <summary>The provider's name: refine's providerName, the <c>&lt;AuthPage Providers&gt;</c> button's name and part of the callback path (letters, digits, '-' and '_').</summary>
    public string Name { get; set; } = "oidc";

    /// <summary>The name shown to users (buttons, messages). Default: <see cref="Name"/>.</summary>
    public string? DisplayName { get; set; }

    /// <summary>The issuer (authority) URL; its <c>/.well-known/openid-configuration</c> is read at the first sign-in.</summary>
    public Uri? Authority { get; set; }

    /// <summary>The client id registered at the identity provider.</summary>
    public string? ClientId { get; set; }

    /// <summary>The client secret (confidential web app); null for a public client (PKCE only).</summary>
    public string? ClientSecret { get; set; }

    /// <summary>The scopes asked for. Default: openid, profile, email and offline_access (for a refresh token).</summary>
    public ISet<string> Scopes { get; } = new HashSet<string>(StringComparer.Ordinal) { "openid", "profile", "email", "offline_access" };

    /// <summary>
    /// Where the roles are, in the ID token and then the access token (when it is a JWT): claim names, or dotted paths
    /// into JSON objects such as Keycloak's <c>realm_access.roles</c>. The first that holds a value wins. Default:
    /// "roles", then "role".
    /// </summary>
    public IList<string> RoleClaims { get; } = ["roles", "role"];

    /// <summary>The claim shown as the user's name. Default: "name" (then "preferred_username", then the email).</summary>
    public string NameClaim { get; set; } = "name";

    /// <summary>The claim with the user's email. Default: "email".</summary>
    public string EmailClaim { get; set; } = "email";

    /// <summary>The claim with the user's picture URL. Default: "picture".</summary>
    public string PictureClaim { get; set; } = "picture";

    /// <summary>Whether logout also ends the session at the identity provider (RP-initiated logout). Default: true (Google has no such endpoint).</summary>
    public bool EndSessionAtProvider { get; set; } = true;

    /// <summary>
    /// How far the identity provider's clock may be from this server's: an ID token that expired less than this long
    /// ago still counts (OpenIddict's <c>TokenValidationParameters.ClockSkew</c> for this provider; OpenIddict's own
    /// default is zero). Default: 2 minutes; zero to 10 minutes.
    /// </summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Extra parameters of the authorization request (for example Google's <c>access_type=offline</c>).</summary>
    public IDictionary<string, string> AuthorizationParameters { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>What the settings are called where the app configured them (a preset's own names), for start-up messages.</summary>
    internal string SettingsName { get; set; } = "";

    /// <summary>Problems a preset found in its own settings, reported at start.</summary>
    internal List<string> PresetErrors { get; } = [];

    internal string ShownName => string.IsNullOrWhiteSpace(DisplayName) ? Name : DisplayName;
}
