using System.Globalization;
using OpenIddict.Abstractions;
using OpenIddict.Client;
using static OpenIddict.Abstractions.OpenIddictConstants;
using ClaimNames = OpenIddict.Abstractions.OpenIddictConstants.Claims;
using static OpenIddict.Client.OpenIddictClientEvents;

namespace RefineSharp.Providers.Oidc.Tokens;

/// <summary>
/// Lets OpenIddict's own expiry check see ID tokens. OpenIddict's client maps a token's standard <c>exp</c> claim to
/// its expiration date only for its own state tokens, so its <c>ValidateExpirationDate</c> step (which allows the
/// registration's <c>ClockSkew</c> and uses the client's TimeProvider) passes any ID token, even one that expired an
/// hour before it arrived; OpenID Connect Core requires the current time to be before <c>exp</c>. This handler does
/// the same mapping for ID tokens, right after OpenIddict's; the comparison stays OpenIddict's, which refuses with
/// its "no longer valid" error (ID2019). An ID token that has expired on arrival means the two clocks are apart.
/// </summary>
internal sealed class IdentityTokenLifetime : IOpenIddictClientHandler<ValidateTokenContext>
{
    /// <summary>Runs after OpenIddict mapped its internal claims and before it validates the principal and the expiry.</summary>
    public static OpenIddictClientHandlerDescriptor Descriptor { get; } = OpenIddictClientHandlerDescriptor.CreateBuilder<ValidateTokenContext>()
        .UseSingletonHandler<IdentityTokenLifetime>()
        .SetOrder(OpenIddictClientHandlers.Protection.MapInternalClaims.Descriptor.Order + 500)
        .SetType(OpenIddictClientHandlerType.Custom)
        .Build();

    public ValueTask HandleAsync(ValidateTokenContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Principal is not { } principal
            || !principal.HasTokenType(TokenTypeIdentifiers.IdentityToken)
            || principal.HasClaim(claim => claim.Type == ClaimNames.Private.ExpirationDate))
        {
            return default;
        }

        if (long.TryParse(principal.GetClaim(ClaimNames.ExpiresAt), NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds)
            && seconds is >= 0 and <= 253_402_300_799)
        {
            principal.SetExpirationDate(DateTimeOffset.FromUnixTimeSeconds(seconds));
        }

        return default;
    }
}
