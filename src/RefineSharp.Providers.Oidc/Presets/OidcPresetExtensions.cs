namespace RefineSharp.Providers.Oidc.Presets;

/// <summary>Adds preset identity providers to <see cref="OidcAuthOptions"/>; each validates its own settings at start.</summary>
public static class OidcPresetExtensions
{
    /// <summary>Adds Keycloak (a realm URL).</summary>
    public static OidcProviderOptions AddKeycloak(this OidcAuthOptions options, Action<KeycloakOptions> configure) => Add(options, configure);

    /// <summary>Adds Auth0 (a tenant domain).</summary>
    public static OidcProviderOptions AddAuth0(this OidcAuthOptions options, Action<Auth0Options> configure) => Add(options, configure);

    /// <summary>Adds Okta (a domain and an authorization server).</summary>
    public static OidcProviderOptions AddOkta(this OidcAuthOptions options, Action<OktaOptions> configure) => Add(options, configure);

    /// <summary>Adds Microsoft Entra ID (a tenant).</summary>
    public static OidcProviderOptions AddEntraId(this OidcAuthOptions options, Action<EntraIdOptions> configure) => Add(options, configure);

    /// <summary>Adds Google.</summary>
    public static OidcProviderOptions AddGoogle(this OidcAuthOptions options, Action<GoogleOptions> configure) => Add(options, configure);

    private static OidcProviderOptions Add<T>(OidcAuthOptions options, Action<T> configure)
        where T : OidcPresetOptions, new()
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(configure);
        var preset = new T();
        configure(preset);
        var provider = preset.Build();
        options.Providers.Add(provider);
        return provider;
    }
}
