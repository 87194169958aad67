using System.Security.Claims;
using Microsoft.AspNetCore.Identity;

namespace RefineSharp.WasmDemo.Backend;

/// <summary>
/// The sample's backend API under /backend: it knows nothing of cookies or sessions and accepts only Identity's bearer
/// tokens, as an API on another server would. The browser reaches it only through the host's proxy (/api), which
/// attaches the session's token. The answer says whether a cookie arrived, so the tests can see that the proxy
/// stripped it; it never echoes the token.
/// </summary>
internal static class BackendApi
{
    public const string BearerPolicy = "backend-bearer";

    public static IServiceCollection AddBackendApiPolicy(this IServiceCollection services)
    {
        services.AddAuthorizationBuilder()
            .AddPolicy(BearerPolicy, p => p.AddAuthenticationSchemes(IdentityConstants.BearerScheme).RequireAuthenticatedUser());
        return services;
    }

    public static IEndpointRouteBuilder MapBackendApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/backend").RequireAuthorization(BearerPolicy);
        api.MapGet("/me", async (HttpContext http, ClaimsPrincipal principal, UserManager<IdentityUser> users) =>
        {
            if (await users.GetUserAsync(principal) is not { } user)
            {
                return Results.NotFound();
            }

            http.Response.Headers.CacheControl = "no-store";
            return Results.Json(new BackendAnswer(
                user.Email ?? string.Empty,
                [.. (await users.GetRolesAsync(user)).Order(StringComparer.Ordinal)],
                http.Request.Headers.ContainsKey("Cookie"),
                http.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.Ordinal),
                DateTimeOffset.UtcNow));
        });
        return app;
    }

    /// <summary>What the backend saw: who the bearer token belongs to, and whether a cookie or a bearer token arrived.</summary>
    internal sealed record BackendAnswer(string Email, string[] Roles, bool CookieReceived, bool BearerReceived, DateTimeOffset AnsweredAt);
}
