namespace RefineSharp.Providers.Oidc.Presets;

/// <summary>Google: no roles, no logout endpoint; a refresh token only with <c>access_type=offline</c>.</summary>
public sealed class GoogleOptions : OidcPresetOptions
{
    /// <summary>Creates the options with the name "google".</summary>
    public GoogleOptions() => Name = "google";

    internal override string Product => "Google";

    internal override void Apply(OidcProviderOptions provider, List<string> errors)
    {
        provider.Authority = new Uri("https://accounts.google.com");
        // Google refuses the offline_access scope and issues a refresh token for access_type=offline instead.
        provider.Scopes.Remove("offline_access");
        provider.AuthorizationParameters["access_type"] = "offline";
        provider.AuthorizationParameters["prompt"] = "consent";
        // Google has no end-session endpoint: logout ends the local session only.
        provider.EndSessionAtProvider = false;
        provider.RoleClaims.Clear();
        if (string.IsNullOrWhiteSpace(ClientSecret))
        {
            errors.Add($"Google (\"{Name}\").ClientSecret is missing: Google's web application clients always have one (Credentials, OAuth 2.0 Client IDs).");
        }
    }
}
