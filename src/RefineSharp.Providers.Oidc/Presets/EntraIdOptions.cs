namespace RefineSharp.Providers.Oidc.Presets;

/// <summary>Microsoft Entra ID (Azure AD), single tenant; roles from the app roles (<c>roles</c>).</summary>
public sealed class EntraIdOptions : OidcPresetOptions
{
    /// <summary>Creates the options with the name "entra".</summary>
    public EntraIdOptions() => Name = "entra";

    /// <summary>The Directory (tenant) ID from the app registration's overview (a GUID), or the tenant's primary domain.</summary>
    public string? TenantId { get; set; }

    /// <summary>The cloud's sign-in host. Default: https://login.microsoftonline.com/ (sovereign clouds have their own).</summary>
    public Uri Instance { get; set; } = new("https://login.microsoftonline.com/");

    internal override string Product => "Microsoft Entra ID";

    internal override void Apply(OidcProviderOptions provider, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(TenantId) || TenantId.Contains('/', StringComparison.Ordinal))
        {
            errors.Add($"EntraId (\"{Name}\").TenantId must be the Directory (tenant) ID from the app registration's overview (got \"{TenantId}\").");
        }
        else if (TenantId is "common" or "organizations" or "consumers")
        {
            errors.Add($"EntraId (\"{Name}\").TenantId \"{TenantId}\" is a multi-tenant alias whose tokens carry each user's own tenant as issuer; use your Directory (tenant) ID.");
        }
        else
        {
            provider.Authority = new Uri(Instance, Uri.EscapeDataString(TenantId) + "/v2.0");
        }

        provider.RoleClaims.Clear();
        provider.RoleClaims.Add("roles");
    }
}
