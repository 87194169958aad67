using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace RefineSharp.Providers.Oidc;

/// <summary>Refuses a configuration that cannot work, at start, with a message naming the setting to fix.</summary>
internal sealed partial class OidcAuthOptionsValidator : IValidateOptions<OidcAuthOptions>
{
    public ValidateOptionsResult Validate(string? name, OidcAuthOptions options)
    {
        var failures = new List<string>();
        if (options.Providers.Count == 0)
        {
            failures.Add("OidcAuthOptions.Providers is empty: add at least one identity provider (AddProvider, AddKeycloak, AddAuth0, AddOkta, AddEntraId or AddGoogle).");
        }

        foreach (var (path, setting) in new[] { (options.LoginPath, "LoginPath"), (options.AfterLoginPath, "AfterLoginPath"), (options.AfterLogoutPath, "AfterLogoutPath"), (options.EndpointBasePath, "EndpointBasePath") })
        {
            if (!LocalRedirect.IsLocal(path) || path.Contains('?', StringComparison.Ordinal))
            {
                failures.Add($"OidcAuthOptions.{setting} must be a local path such as \"/login\" (got \"{path}\").");
            }
        }

        if (options.LogoutHandoverLifetime <= TimeSpan.Zero || options.LogoutHandoverLifetime > TimeSpan.FromHours(1))
        {
            failures.Add("OidcAuthOptions.LogoutHandoverLifetime must be more than zero and at most one hour.");
        }

        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var provider in options.Providers)
        {
            var label = provider.SettingsName.Length > 0 ? provider.SettingsName : $"Providers[\"{provider.Name}\"]";
            failures.AddRange(provider.PresetErrors);
            if (!ValidName().IsMatch(provider.Name ?? ""))
            {
                failures.Add($"{label}.Name \"{provider.Name}\" must be 1 to 40 letters, digits, '-' or '_' (it is part of the callback URL).");
            }
            else if (!names.Add(provider.Name!))
            {
                failures.Add($"Two identity providers are named \"{provider.Name}\"; names must be unique.");
            }

            if (provider.PresetErrors.Count > 0)
            {
                // The preset already named its own settings; the generic checks below would repeat them.
                continue;
            }

            if (provider.Authority is not { IsAbsoluteUri: true } authority || authority.Scheme is not ("https" or "http") || !string.IsNullOrEmpty(authority.Query) || !string.IsNullOrEmpty(authority.Fragment))
            {
                failures.Add($"{label}: the authority (issuer URL) is missing or not an absolute http(s) URL without query: set {AuthoritySetting(provider)}.");
            }
            else if (options.RequireHttps && authority.Scheme != "https")
            {
                failures.Add($"{label}: the authority {authority} is not HTTPS; use the identity provider's https URL (RequireHttps = false is for a loopback development server only).");
            }

            if (provider.ClockSkew < TimeSpan.Zero || provider.ClockSkew > TimeSpan.FromMinutes(10))
            {
                failures.Add($"{label}.ClockSkew must be between zero and 10 minutes (got {provider.ClockSkew}); fix the clocks (NTP) rather than widen it.");
            }

            if (string.IsNullOrWhiteSpace(provider.ClientId))
            {
                failures.Add($"{label}.ClientId is missing: copy the client id from the identity provider's console.");
            }

            if (provider.ClientSecret is not null && provider.ClientSecret.Trim().Length == 0)
            {
                failures.Add($"{label}.ClientSecret is blank: copy the client secret from the console, or leave it null for a public client.");
            }

            if (!provider.Scopes.Contains("openid"))
            {
                failures.Add($"{label}.Scopes must contain \"openid\".");
            }

            if (provider.RoleClaims.Any(string.IsNullOrWhiteSpace))
            {
                failures.Add($"{label}.RoleClaims contains an empty entry.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static string AuthoritySetting(OidcProviderOptions provider) =>
        provider.SettingsName.Length > 0 ? "the preset's URL setting (see its page in docs/providers)" : "Authority";

    [GeneratedRegex("^[A-Za-z0-9_-]{1,40}$")]
    private static partial Regex ValidName();
}
