using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;

namespace RefineSharp.Demo.Security;

/// <summary>
/// Role checks that read the roles where the UI reads them (/identity/manage/roles): from the database, not from the
/// role claims frozen into the bearer token at sign-in. A user promoted to admin gets the admin API with the token they
/// already hold; a demoted one loses it at once. The roles are read once per request (kept in HttpContext.Items).
/// </summary>
public static class DatabaseRoles
{
    private static readonly object ItemKey = new();

    /// <summary>Requires that the signed-in user (by the token's user id) has <paramref name="role"/> in the database now.</summary>
    public static AuthorizationPolicyBuilder RequireDatabaseRole(this AuthorizationPolicyBuilder policy, string role)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return policy.RequireAssertion(async context =>
            context.Resource is HttpContext http && (await RolesAsync(http, context.User)).Contains(role, StringComparer.Ordinal));
    }

    private static async Task<IList<string>> RolesAsync(HttpContext http, ClaimsPrincipal principal)
    {
        if (http.Items.TryGetValue(ItemKey, out var cached) && cached is IList<string> roles)
        {
            return roles;
        }

        var users = http.RequestServices.GetRequiredService<UserManager<IdentityUser>>();
        var user = principal.Identity?.IsAuthenticated == true ? await users.GetUserAsync(principal) : null;
        roles = user is null ? [] : await users.GetRolesAsync(user);
        http.Items[ItemKey] = roles;
        return roles;
    }
}
