using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace RefineSharp.Demo.Data;

/// <summary>Creates the database at first start and fills it with the demo users (see README.md) and posts.</summary>
public static class DemoSeeder
{
    public const string AdminEmail = "admin@demo.local";
    public const string AdminPassword = "Admin123!";
    public const string EditorEmail = "editor@demo.local";
    public const string EditorPassword = "Editor123!";

    private static readonly string[] Statuses = ["published", "draft", "rejected"];

    public static async Task SeedAsync(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<DemoDbContext>();
        await db.Database.EnsureCreatedAsync();

        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in new[] { "admin", "editor" })
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }

        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        await EnsureUserAsync(users, AdminEmail, AdminPassword, "admin", "editor");
        await EnsureUserAsync(users, EditorEmail, EditorPassword, "editor");

        if (!await db.Posts.AnyAsync())
        {
            var start = new DateTimeOffset(2025, 1, 6, 9, 0, 0, TimeSpan.Zero);
            db.Posts.AddRange(Enumerable.Range(1, 20).Select(i => new Post
            {
                Title = $"Demo post {i}",
                Content = $"This is the body of demo post {i}. It is here so the data API has something to list.",
                Status = Statuses[i % Statuses.Length],
                Author = i % 2 == 0 ? AdminEmail : EditorEmail,
                CreatedAt = start.AddDays(i),
            }));
            await db.SaveChangesAsync();
        }
    }

    private static async Task EnsureUserAsync(UserManager<IdentityUser> users, string email, string password, params string[] roles)
    {
        if (await users.FindByEmailAsync(email) is not null)
        {
            return;
        }

        var user = new IdentityUser { UserName = email, Email = email, EmailConfirmed = true };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            throw new InvalidOperationException("Seeding " + email + " failed: " + string.Join(" ", created.Errors.Select(e => e.Description)));
        }

        await users.AddToRolesAsync(user, roles);
    }
}
