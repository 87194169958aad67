using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using RefineSharp.Demo.Data;
using RefineSharp.Demo.Security;

namespace RefineSharp.Demo.Endpoints;

/// <summary>The demo's data API, protected by Identity's bearer tokens: the posts for any signed-in user, statistics for admins (the admin role read from the database on each request, as the UI reads it).</summary>
public static class DemoApiEndpoints
{
    public const string SignedInPolicy = "demo-signed-in";
    public const string AdminPolicy = "demo-admin";

    public static IServiceCollection AddDemoApiPolicies(this IServiceCollection services)
    {
        services.AddAuthorizationBuilder()
            .AddPolicy(SignedInPolicy, p => p.AddAuthenticationSchemes(IdentityConstants.BearerScheme).RequireAuthenticatedUser())
            .AddPolicy(AdminPolicy, p => p.AddAuthenticationSchemes(IdentityConstants.BearerScheme).RequireAuthenticatedUser().RequireDatabaseRole("admin"));
        return services;
    }

    public static IEndpointRouteBuilder MapDemoApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api");
        api.MapGet("/posts", async (DemoDbContext db) =>
                await db.Posts.AsNoTracking().OrderByDescending(p => p.CreatedAt).ToListAsync())
            .RequireAuthorization(SignedInPolicy);
        api.MapGet("/admin/stats", async (DemoDbContext db) => new AdminStats(
                await db.Users.CountAsync(),
                await db.Posts.CountAsync(),
                await db.Posts.CountAsync(p => p.Status == "published"),
                await db.Outbox.CountAsync()))
            .RequireAuthorization(AdminPolicy);
        return app;
    }
}
