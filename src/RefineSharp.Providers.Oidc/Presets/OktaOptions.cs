namespace RefineSharp.Providers.Oidc.Presets;

/// <summary>Okta: an org domain and an authorization server; roles from the <c>groups</c> claim.</summary>
public sealed class OktaOptions : OidcPresetOptions
{
    /// <summary>Creates the options with the name "okta".</summary>
    public OktaOptions() => Name = "okta";

    /// <summary>The Okta domain, for example <c>dev-123456.okta.com</c> or <c>acme.okta.com</c>.</summary>
    public string? Domain { get; set; }

    /// <summary>The authorization server id. Default: "default" (the custom server every org has); null for the org authorization server.</summary>
    public string? AuthorizationServerId { get; set; } = "default";

    internal override string Product => "Okta";

    internal override void Apply(OidcProviderOptions provider, List<string> errors)
    {
        if (!IsHostName(Domain))
        {
            errors.Add($"Okta (\"{Name}\").Domain must be the Okta domain without https:// or a path, such as dev-123456.okta.com (got \"{Domain}\").");
        }
        else
        {
            provider.Authority = string.IsNullOrEmpty(AuthorizationServerId)
                ? new Uri($"https://{Domain}")
                : new Uri($"https://{Domain}/oauth2/{Uri.EscapeDataString(AuthorizationServerId)}");
        }

        provider.RoleClaims.Clear();
        provider.RoleClaims.Add("groups");
    }
}
