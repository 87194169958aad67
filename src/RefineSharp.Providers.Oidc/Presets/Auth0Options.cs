namespace RefineSharp.Providers.Oidc.Presets;

/// <summary>Auth0: a tenant domain; roles from a namespaced claim that an Auth0 Action adds.</summary>
public sealed class Auth0Options : OidcPresetOptions
{
    /// <summary>Creates the options with the name "auth0".</summary>
    public Auth0Options() => Name = "auth0";

    /// <summary>The tenant's domain (or custom domain) as shown in the application's settings, for example <c>acme.eu.auth0.com</c>.</summary>
    public string? Domain { get; set; }

    /// <summary>The namespaced claim your post-login Action sets with the user's roles, for example <c>https://app.example.com/roles</c>.</summary>
    public string? RolesClaim { get; set; }

    internal override string Product => "Auth0";

    internal override void Apply(OidcProviderOptions provider, List<string> errors)
    {
        if (!IsHostName(Domain))
        {
            errors.Add($"Auth0 (\"{Name}\").Domain must be the tenant's domain without https:// or a path, such as acme.eu.auth0.com (got \"{Domain}\").");
        }
        else
        {
            provider.Authority = new Uri($"https://{Domain}/");
        }

        provider.RoleClaims.Clear();
        if (!string.IsNullOrWhiteSpace(RolesClaim))
        {
            if (!Uri.TryCreate(RolesClaim, UriKind.Absolute, out _))
            {
                errors.Add($"Auth0 (\"{Name}\").RolesClaim must be a namespaced claim (a URL such as https://app.example.com/roles); Auth0 drops other custom claims (got \"{RolesClaim}\").");
            }

            provider.RoleClaims.Add(RolesClaim);
        }
    }
}
