using Microsoft.AspNetCore.Identity;

namespace RefineSharp.Demo.Endpoints;

/// <summary>
/// POST /identity/logout: MapIdentityApi has no logout, so this one renews the user's security stamp, which makes
/// Identity refuse every refresh token issued before it. The access token in hand stays valid until it expires
/// (its lifetime is the demo's Demo:AccessTokenLifetime, one hour by default; docs/security.md says so).
/// </summary>
public static class IdentityLogoutEndpoint
{
    public static IEndpointRouteBuilder MapIdentityLogout(this IEndpointRouteBuilder app)
    {
        app.MapPost("/logout", async (System.Security.Claims.ClaimsPrincipal principal, UserManager<IdentityUser> users) =>
            {
                if (await users.GetUserAsync(principal) is { } user)
                {
                    await users.UpdateSecurityStampAsync(user);
                }

                return Results.NoContent();
            })
            .RequireAuthorization(DemoApiEndpoints.SignedInPolicy);
        return app;
    }
}
