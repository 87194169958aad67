using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using RefineSharp.Demo.Hosting;

namespace RefineSharp.Demo.Data;

/// <summary>
/// Creates the database at first start and fills it with the demo users (see README.md) and posts. The documented
/// passwords are used only in Development (or with Demo:SeedPasswords=known); elsewhere each account gets a generated
/// password, printed once to the console when the account is created, or no accounts at all (Demo:SeedPasswords=none).
/// </summary>
public static class DemoSeeder
{
    public const string AdminEmail = "admin@demo.local";
    public const string AdminPassword = "Admin123!";
    public const string EditorEmail = "editor@demo.local";
    public const string EditorPassword = "Editor123!";

    /// <summary>The configuration key that chooses the <see cref="DemoSeedPasswords"/> policy.</summary>
    public const string PasswordsKey = "Demo:SeedPasswords";

    private static readonly string[] Statuses = ["published", "draft", "rejected"];

    /// <summary>The seeding policy: Demo:SeedPasswords when set, else Known in Development and Random elsewhere.</summary>
    public static DemoSeedPasswords PasswordPolicy(IConfiguration configuration, IHostEnvironment environment)
    {
        var configured = configuration[PasswordsKey];
        if (string.IsNullOrWhiteSpace(configured))
        {
            return environment.IsDevelopment() ? DemoSeedPasswords.Known : DemoSeedPasswords.Random;
        }

        // Names only: Enum.TryParse would also take "0" or "known,random", and a typo must never mean the known passwords.
        var name = Enum.GetNames<DemoSeedPasswords>().FirstOrDefault(n => string.Equals(n, configured.Trim(), StringComparison.OrdinalIgnoreCase));
        return name is not null
            ? Enum.Parse<DemoSeedPasswords>(name)
            : throw new InvalidOperationException($"{PasswordsKey} must be one of known, random or none.");
    }

    public static async Task SeedAsync(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        var provider = scope.ServiceProvider;
        var policy = PasswordPolicy(provider.GetRequiredService<IConfiguration>(), provider.GetRequiredService<IHostEnvironment>());
        var db = provider.GetRequiredService<DemoDbContext>();
        await db.Database.EnsureCreatedAsync();

        var roles = provider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in new[] { "admin", "editor" })
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }

        if (policy is not DemoSeedPasswords.None)
        {
            var users = provider.GetRequiredService<UserManager<IdentityUser>>();
            var output = provider.GetService<IOptions<DemoSeedingOptions>>()?.Value.Output ?? Console.Out;
            var environment = provider.GetRequiredService<IHostEnvironment>();
            if (policy is DemoSeedPasswords.Known && !environment.IsDevelopment())
            {
                await output.WriteLineAsync($"WARNING: {PasswordsKey}=known outside Development: the demo accounts have the published passwords.");
            }

            await EnsureUserAsync(users, output, policy, AdminEmail, AdminPassword, "admin", "editor");
            await EnsureUserAsync(users, output, policy, EditorEmail, EditorPassword, "editor");
        }

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

    /// <summary>
    /// A password of 24 characters from a CSPRNG that meets Identity's default rules (upper, lower, digit, symbol):
    /// one character of each class, 20 from the whole alphabet, shuffled.
    /// </summary>
    public static string GeneratePassword()
    {
        const string upper = "ABCDEFGHJKLMNPQRSTUVWXYZ";
        const string lower = "abcdefghijkmnopqrstuvwxyz";
        const string digits = "23456789";
        const string symbols = "!#%+-=?@_~";
        var chars = new char[24];
        chars[0] = upper[RandomNumberGenerator.GetInt32(upper.Length)];
        chars[1] = lower[RandomNumberGenerator.GetInt32(lower.Length)];
        chars[2] = digits[RandomNumberGenerator.GetInt32(digits.Length)];
        chars[3] = symbols[RandomNumberGenerator.GetInt32(symbols.Length)];
        RandomNumberGenerator.GetItems<char>(upper + lower + digits + symbols, chars.AsSpan(4));
        RandomNumberGenerator.Shuffle(chars.AsSpan());
        return new string(chars);
    }

    private static async Task EnsureUserAsync(UserManager<IdentityUser> users, TextWriter output, DemoSeedPasswords policy, string email, string knownPassword, params string[] roles)
    {
        if (await users.FindByEmailAsync(email) is not null)
        {
            // Created on an earlier start: a generated password was shown then and is never shown again.
            return;
        }

        var password = policy is DemoSeedPasswords.Known ? knownPassword : GeneratePassword();
        var user = new IdentityUser { UserName = email, Email = email, EmailConfirmed = true };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            throw new InvalidOperationException("Seeding " + email + " failed: " + string.Join(" ", created.Errors.Select(e => e.Description)));
        }

        await users.AddToRolesAsync(user, roles);
        if (policy is DemoSeedPasswords.Random)
        {
            // The console, not the logger: shown this once, at the account's creation; it is stored nowhere else.
            await output.WriteLineAsync($"Demo account created: {email} with the generated password {password} (shown once; change it after signing in).");
        }
    }
}
