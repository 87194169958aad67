namespace RefineSharp.Providers.Oidc.Presets;

/// <summary>Keycloak: a realm's URL; roles from the realm roles (<c>realm_access.roles</c>).</summary>
public sealed class KeycloakOptions : OidcPresetOptions
{
    /// <summary>Creates the options with the name "keycloak".</summary>
    public KeycloakOptions() => Name = "keycloak";

    /// <summary>The realm's URL, for example <c>https://sso.example.com/realms/acme</c> (Keycloak before 17: <c>.../auth/realms/acme</c>).</summary>
    public Uri? RealmUrl { get; set; }

    /// <summary>Also read the roles of this client (<c>resource_access.{ClientId}.roles</c>) when the realm roles are empty. Default: true.</summary>
    public bool IncludeClientRoles { get; set; } = true;

    internal override string Product => "Keycloak";

    internal override void Apply(OidcProviderOptions provider, List<string> errors)
    {
        if (RealmUrl is not { IsAbsoluteUri: true } url || !url.AbsolutePath.Contains("/realms/", StringComparison.Ordinal))
        {
            errors.Add($"Keycloak (\"{Name}\").RealmUrl must be the realm's URL, such as https://sso.example.com/realms/acme (got \"{RealmUrl}\").");
        }

        provider.Authority = RealmUrl;
        provider.RoleClaims.Clear();
        provider.RoleClaims.Add("realm_access.roles");
        if (IncludeClientRoles && !string.IsNullOrEmpty(ClientId))
        {
            provider.RoleClaims.Add($"resource_access.{ClientId}.roles");
        }
    }
}
