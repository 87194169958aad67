namespace RefineSharp.Providers.Oidc.Presets;

/// <summary>What every preset needs: the name of its button and the client registered in the provider's console.</summary>
public abstract class OidcPresetOptions
{
    /// <summary>refine's providerName and part of the callback path. Default: the preset's own ("keycloak", "auth0", ...).</summary>
    public string Name { get; set; } = "";

    /// <summary>The name shown to users. Default: the product's name.</summary>
    public string? DisplayName { get; set; }

    /// <summary>The client (application) id from the console.</summary>
    public string? ClientId { get; set; }

    /// <summary>The client secret from the console; null for a public client (PKCE only).</summary>
    public string? ClientSecret { get; set; }

    /// <summary>Adjusts the generated provider options (extra scopes, other claim names) after the preset has filled them.</summary>
    public Action<OidcProviderOptions>? Customize { get; set; }

    internal abstract string Product { get; }

    /// <summary>Fills <paramref name="provider"/>; adds a message naming the setting for every value that cannot work.</summary>
    internal abstract void Apply(OidcProviderOptions provider, List<string> errors);

    internal OidcProviderOptions Build()
    {
        var errors = new List<string>();
        var provider = new OidcProviderOptions
        {
            Name = Name,
            DisplayName = DisplayName ?? Product,
            ClientId = ClientId,
            ClientSecret = ClientSecret,
            SettingsName = Product + " (\"" + Name + "\")",
        };
        Apply(provider, errors);
        Customize?.Invoke(provider);
        provider.PresetErrors.AddRange(errors);
        return provider;
    }

    /// <summary>A host name as typed in a console ("tenant.eu.auth0.com"), without scheme, path or port.</summary>
    internal static bool IsHostName(string? value) =>
        !string.IsNullOrWhiteSpace(value) && Uri.CheckHostName(value) is UriHostNameType.Dns && !value.Contains('/', StringComparison.Ordinal);
}
