using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Microsoft.AspNetCore.Routing;

/// <summary>Maps the roles endpoint that RefineSharp's ASP.NET Core Identity provider reads permissions from.</summary>
public static class IdentityRolesEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps GET <paramref name="pattern"/> (default "/manage/roles", beside MapIdentityApi's /manage/info) returning the
    /// signed-in user's role names as a JSON string array; requires an authenticated user, answers 401 otherwise.
    /// </summary>
    public static RouteHandlerBuilder MapIdentityRoles<TUser>(this IEndpointRouteBuilder endpoints, string pattern = "/manage/roles")
        where TUser : class
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentException.ThrowIfNullOrEmpty(pattern);
        return endpoints.MapGet(pattern, (ClaimsPrincipal user, [FromServices] UserManager<TUser> users) => GetRolesAsync(user, users)).RequireAuthorization();
    }

    private static async Task<Results<Ok<string[]>, NotFound>> GetRolesAsync<TUser>(ClaimsPrincipal principal, UserManager<TUser> users)
        where TUser : class
    {
        var user = await users.GetUserAsync(principal);
        if (user is null)
        {
            // The token is valid but its user is gone: the same answer as /manage/info gives.
            return TypedResults.NotFound();
        }

        var roles = await users.GetRolesAsync(user);
        return TypedResults.Ok(roles.Order(StringComparer.Ordinal).ToArray());
    }
}
