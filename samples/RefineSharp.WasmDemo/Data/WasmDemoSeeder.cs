using Microsoft.AspNetCore.Identity;
using RefineSharp.WasmDemo.Client;

namespace RefineSharp.WasmDemo.Data;

/// <summary>Creates the database at first start with the sample's two accounts (the same as the standalone mode's): Ann (admin) and Bob (viewer).</summary>
internal static class WasmDemoSeeder
{
    public static async Task SeedAsync(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        var provider = scope.ServiceProvider;
        await provider.GetRequiredService<WasmDemoDbContext>().Database.EnsureCreatedAsync();
        var roles = provider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in new[] { "admin", "viewer" })
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }

        var users = provider.GetRequiredService<UserManager<IdentityUser>>();
        await EnsureUserAsync(users, WasmDemoUsers.AdminEmail, WasmDemoUsers.AdminPassword, "admin");
        await EnsureUserAsync(users, WasmDemoUsers.ViewerEmail, WasmDemoUsers.ViewerPassword, "viewer");
    }

    private static async Task EnsureUserAsync(UserManager<IdentityUser> users, string email, string password, string role)
    {
        if (await users.FindByEmailAsync(email) is not null)
        {
            return;
        }

        var user = new IdentityUser { UserName = email, Email = email, EmailConfirmed = true };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            throw new InvalidOperationException("Seeding " + email + " failed: " + string.Join("; ", created.Errors.Select(e => e.Description)));
        }

        await users.AddToRoleAsync(user, role);
    }
}
