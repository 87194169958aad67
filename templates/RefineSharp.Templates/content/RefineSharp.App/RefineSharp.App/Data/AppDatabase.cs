using Microsoft.AspNetCore.Identity;

namespace RefineSharp.App.Data;

/// <summary>Where the SQLite file lives, and its creation at start (with a development account in Development).</summary>
public static class AppDatabase
{
    /// <summary>The development account, created only when the environment is Development.</summary>
    public const string DevelopmentEmail = "admin@example.com";

    /// <summary>Its password: change it, or remove the seeding, before the app leaves your machine.</summary>
    public const string DevelopmentPassword = "Admin123!";

    /// <summary>ConnectionStrings:App, with a relative file path taken from the content root (its folder is created).</summary>
    public static string ConnectionString(IConfiguration configuration, IHostEnvironment environment)
    {
        var builder = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(configuration.GetConnectionString("App") ?? "Data Source=App_Data/app.db");
        builder.DataSource = Path.Combine(environment.ContentRootPath, builder.DataSource);
        Directory.CreateDirectory(Path.GetDirectoryName(builder.DataSource)!);
        return builder.ToString();
    }

    /// <summary>Creates the database when it is missing; in Development, adds the admin role and the development account.</summary>
    public static async Task InitializeAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        // EnsureCreated suits a template; switch to EF Core migrations when the schema starts to change.
        await db.Database.EnsureCreatedAsync();
        if (!scope.ServiceProvider.GetRequiredService<IHostEnvironment>().IsDevelopment())
        {
            return;
        }

        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        if (!await roles.RoleExistsAsync("admin"))
        {
            await roles.CreateAsync(new IdentityRole("admin"));
        }

        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        if (await users.FindByEmailAsync(DevelopmentEmail) is null)
        {
            var user = new IdentityUser { UserName = DevelopmentEmail, Email = DevelopmentEmail, EmailConfirmed = true };
            var created = await users.CreateAsync(user, DevelopmentPassword);
            if (!created.Succeeded)
            {
                throw new InvalidOperationException("Could not create the development account: " + string.Join(" ", created.Errors.Select(e => e.Description)));
            }

            await users.AddToRoleAsync(user, "admin");
        }
    }
}
