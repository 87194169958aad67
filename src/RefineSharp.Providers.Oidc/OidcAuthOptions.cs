namespace RefineSharp.Providers.Oidc;

/// <summary>
/// Options of the OpenID Connect provider (set with <c>AddOidcAuth(o =&gt; ...)</c>, validated when the app starts):
/// the identity providers the login page offers and the app's own paths.
/// </summary>
public sealed class OidcAuthOptions
{
    /// <summary>The identity providers, each a button on the login page (its <see cref="OidcProviderOptions.Name"/> is refine's providerName).</summary>
    public IList<OidcProviderOptions> Providers { get; } = [];

    /// <summary>The app's login page: where a failed sign-in, a failed check and a 401 send the user. Default: "/login".</summary>
    public string LoginPath { get; set; } = "/login";

    /// <summary>Where a sign-in lands when the login page had no valid <c>?to=</c>. Default: "/".</summary>
    public string AfterLoginPath { get; set; } = "/";

    /// <summary>Where the browser lands after the identity provider ended its session. Default: "/login".</summary>
    public string AfterLogoutPath { get; set; } = "/login";

    /// <summary>
    /// The path under which the provider maps its endpoints (<c>MapRefineOidc()</c>): start, callback/{name},
    /// logout and signed-out/{name}. The identity provider's console must list
    /// <c>{app URL}{EndpointBasePath}/callback/{name}</c> as redirect URI and <c>.../signed-out/{name}</c> as post-logout
    /// redirect URI. Default: "/signin-oidc".
    /// </summary>
    public string EndpointBasePath { get; set; } = "/signin-oidc";

    /// <summary>
    /// Whether the identity provider and this app must be reached over HTTPS. Default: true; switch it off only for a
    /// development server on a loopback address.
    /// </summary>
    public bool RequireHttps { get; set; } = true;

    /// <summary>How long the hand-over from the local logout to the identity provider's logout stays valid. Default: 2 minutes.</summary>
    public TimeSpan LogoutHandoverLifetime { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Adds a generic OpenID Connect provider (any server with a discovery document at its authority).</summary>
    public OidcProviderOptions AddProvider(string name, Action<OidcProviderOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var provider = new OidcProviderOptions { Name = name };
        configure(provider);
        Providers.Add(provider);
        return provider;
    }
}
