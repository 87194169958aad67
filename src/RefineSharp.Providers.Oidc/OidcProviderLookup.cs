using Microsoft.Extensions.Options;
using RefineSharp.Providers.Oidc.Claims;
using RefineSharp.Tokens;

namespace RefineSharp.Providers.Oidc;

/// <summary>Finds a configured identity provider by name, or the one whose issuer signed a session's tokens.</summary>
internal sealed class OidcProviderLookup(IOptions<OidcAuthOptions> options)
{
    public OidcAuthOptions Options => options.Value;

    public OidcProviderOptions? ByName(string? name) =>
        name is null ? null : options.Value.Providers.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));

    public ValueTask<OidcProviderOptions?> ForTokensAsync(TokenSet tokens, CancellationToken cancellationToken = default)
    {
        _ = cancellationToken;
        var providers = options.Value.Providers;
        if (providers.Count == 1)
        {
            return ValueTask.FromResult<OidcProviderOptions?>(providers[0]);
        }

        var issuer = OidcIdentityReader.Issuer(tokens);
        return ValueTask.FromResult(issuer is null ? null : providers.FirstOrDefault(p => p.Authority is { } a && SameIssuer(a, issuer)));
    }

    private static bool SameIssuer(Uri authority, string issuer) =>
        string.Equals(authority.AbsoluteUri.TrimEnd('/'), issuer.TrimEnd('/'), StringComparison.Ordinal);
}
