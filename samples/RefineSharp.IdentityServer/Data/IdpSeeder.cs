using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using RefineSharp.IdentityServer.Hosting;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace RefineSharp.IdentityServer.Data;

/// <summary>Creates the database, the demo users and roles, and registers (or updates) the client applications.</summary>
public static class IdpSeeder
{
    public const string AdminEmail = "admin@idp.local";
    public const string AdminPassword = "Admin123!";
    public const string EditorEmail = "editor@idp.local";
    public const string EditorPassword = "Editor123!";

    public static async Task SeedAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        await sp.GetRequiredService<IdpDbContext>().Database.EnsureCreatedAsync();
        var settings = sp.GetRequiredService<IOptions<IdpSettings>>().Value;
        if (!settings.SeedKnownPasswords)
        {
            // Outside Development the documented passwords would be an open door: no demo users are created.
            await SeedClientsAsync(sp, settings);
            return;
        }

        var roles = sp.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in new[] { "admin", "editor" })
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }

        var users = sp.GetRequiredService<UserManager<IdentityUser>>();
        await EnsureUserAsync(users, AdminEmail, AdminPassword, "Ada Admin", "admin", "editor");
        await EnsureUserAsync(users, EditorEmail, EditorPassword, "Eddie Editor", "editor");
        await SeedClientsAsync(sp, settings);
    }

    private static async Task EnsureUserAsync(UserManager<IdentityUser> users, string email, string password, string name, params string[] roles)
    {
        if (await users.FindByEmailAsync(email) is not null)
        {
            return;
        }

        var user = new IdentityUser { UserName = email, Email = email, EmailConfirmed = true };
        Check(await users.CreateAsync(user, password));
        Check(await users.AddClaimAsync(user, new System.Security.Claims.Claim(Claims.Name, name)));
        Check(await users.AddToRolesAsync(user, roles));
    }

    private static async Task SeedClientsAsync(IServiceProvider sp, IdpSettings settings)
    {
        var manager = sp.GetRequiredService<IOpenIddictApplicationManager>();
        foreach (var client in settings.Clients)
        {
            var descriptor = new OpenIddictApplicationDescriptor
            {
                ClientId = client.ClientId,
                ClientSecret = client.ClientSecret,
                ClientType = ClientTypes.Confidential,
                ConsentType = ConsentTypes.Implicit,
                DisplayName = client.DisplayName,
                Permissions =
                {
                    Permissions.Endpoints.Authorization,
                    Permissions.Endpoints.Token,
                    Permissions.Endpoints.EndSession,
                    Permissions.GrantTypes.AuthorizationCode,
                    Permissions.GrantTypes.RefreshToken,
                    Permissions.ResponseTypes.Code,
                    Permissions.Scopes.Email,
                    Permissions.Scopes.Profile,
                    Permissions.Scopes.Roles,
                },
                Requirements = { Requirements.Features.ProofKeyForCodeExchange },
            };
            foreach (var uri in client.RedirectUris)
            {
                descriptor.RedirectUris.Add(new Uri(uri));
            }

            foreach (var uri in client.PostLogoutRedirectUris)
            {
                descriptor.PostLogoutRedirectUris.Add(new Uri(uri));
            }

            // Settings win over what an earlier start stored (ports and secrets change between runs).
            if (await manager.FindByClientIdAsync(client.ClientId) is { } existing)
            {
                await manager.UpdateAsync(existing, descriptor);
            }
            else
            {
                await manager.CreateAsync(descriptor);
            }
        }
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Seeding failed: " + string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}
