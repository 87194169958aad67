using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace RefineSharp.IdentityServer.Endpoints;

/// <summary>
/// Builds the principal OpenIddict turns into tokens, from the user's current record: called at sign-in and again at
/// every refresh, so a role changed here reaches the client with its next refreshed tokens.
/// </summary>
internal static class UserPrincipal
{
    public static async Task<ClaimsPrincipal> CreateAsync(UserManager<IdentityUser> users, IdentityUser user, IEnumerable<string> scopes, string issuerBase)
    {
        var identity = new ClaimsIdentity(
            authenticationType: "refine-idp",
            nameType: Claims.Name,
            roleType: Claims.Role);
        var email = await users.GetEmailAsync(user) ?? "";
        var name = (await users.GetClaimsAsync(user)).FirstOrDefault(c => c.Type == Claims.Name)?.Value ?? email;
        identity.SetClaim(Claims.Subject, await users.GetUserIdAsync(user))
            .SetClaim(Claims.Email, email)
            .SetClaim(Claims.Name, name)
            .SetClaim(Claims.PreferredUsername, email)
            .SetClaim(Claims.Picture, issuerBase.TrimEnd('/') + "/avatar/" + Uri.EscapeDataString(Initial(name)) + ".svg")
            .SetClaims(Claims.Role, [.. await users.GetRolesAsync(user)]);
        identity.SetScopes(scopes);
        identity.SetDestinations(Destinations);
        return new ClaimsPrincipal(identity);
    }

    // Identity and profile claims go into both tokens; the roles only when the client asked for the roles scope.
    private static IEnumerable<string> Destinations(Claim claim) => claim.Type switch
    {
        Claims.Name or Claims.PreferredUsername or Claims.Picture when claim.Subject!.HasScope(Scopes.Profile)
            => [OpenIddictConstants.Destinations.AccessToken, OpenIddictConstants.Destinations.IdentityToken],
        Claims.Email when claim.Subject!.HasScope(Scopes.Email)
            => [OpenIddictConstants.Destinations.AccessToken, OpenIddictConstants.Destinations.IdentityToken],
        Claims.Role when claim.Subject!.HasScope(Scopes.Roles)
            => [OpenIddictConstants.Destinations.AccessToken, OpenIddictConstants.Destinations.IdentityToken],
        "AspNet.Identity.SecurityStamp" => [],
        _ => [OpenIddictConstants.Destinations.AccessToken],
    };

    private static string Initial(string name) => name.Length > 0 && char.IsLetterOrDigit(name[0]) ? char.ToUpperInvariant(name[0]).ToString() : "U";
}
