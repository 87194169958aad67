using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using RefineSharp.Demo.Data;
using RefineSharp.Demo.Hosting;
using RefineSharp.Demo.Tests.Hosting;

namespace RefineSharp.Demo.Tests.Data;

public sealed partial class DemoSeederTests
{
    private static async Task<HttpStatusCode> LoginStatusAsync(HttpClient http, string email, string password)
    {
        using var response = await http.PostAsJsonAsync(new Uri("identity/login", UriKind.Relative), new { email, password });
        return response.StatusCode;
    }

    private static Dictionary<string, string> GeneratedPasswords(string output) =>
        CreatedLine().Matches(output).ToDictionary(m => m.Groups["email"].Value, m => m.Groups["password"].Value);

    [GeneratedRegex(@"Demo account created: (?<email>\S+) with the generated password (?<password>\S+) \(shown once")]
    private static partial Regex CreatedLine();

    [Fact]
    public async Task SeedAsync_ProductionEmptyDatabase_RefusesPublishedPasswordsAndPrintsGeneratedOnesOnce()
    {
        var db = HostedDemo.TempPath("seed") + ".db";
        var keys = HostedDemo.TempPath("keys");
        try
        {
            await using (var first = new HostedDemo("Production", new Dictionary<string, string> { ["Demo:Database"] = db, ["Demo:DataProtectionKeys"] = keys }))
            {
                using var http = first.Start();

                Assert.Equal(HttpStatusCode.Unauthorized, await LoginStatusAsync(http, DemoSeeder.AdminEmail, DemoSeeder.AdminPassword));
                Assert.Equal(HttpStatusCode.Unauthorized, await LoginStatusAsync(http, DemoSeeder.EditorEmail, DemoSeeder.EditorPassword));

                var output = first.SeedOutput.ToString();
                var generated = GeneratedPasswords(output);
                Assert.Equal([DemoSeeder.AdminEmail, DemoSeeder.EditorEmail], generated.Keys.Order(StringComparer.Ordinal));
                Assert.NotEqual(generated[DemoSeeder.AdminEmail], generated[DemoSeeder.EditorEmail]);
                Assert.Equal(HttpStatusCode.OK, await LoginStatusAsync(http, DemoSeeder.AdminEmail, generated[DemoSeeder.AdminEmail]));
                Assert.Equal(HttpStatusCode.OK, await LoginStatusAsync(http, DemoSeeder.EditorEmail, generated[DemoSeeder.EditorEmail]));
                foreach (var password in generated.Values)
                {
                    // Printed exactly once, never logged, never in the login page.
                    Assert.Single(Regex.Matches(output, Regex.Escape(password)));
                    Assert.DoesNotContain(first.Logs, line => line.Contains(password, StringComparison.Ordinal));
                    Assert.DoesNotContain(password, await http.GetStringAsync(new Uri("login", UriKind.Relative)), StringComparison.Ordinal);
                }

                // A second start on the same database prints nothing: the passwords were shown once.
                await using var second = new HostedDemo("Production", new Dictionary<string, string> { ["Demo:Database"] = db, ["Demo:DataProtectionKeys"] = keys });
                using var again = second.Start();
                Assert.Equal("", second.SeedOutput.ToString());
                Assert.Equal(HttpStatusCode.OK, await LoginStatusAsync(again, DemoSeeder.AdminEmail, generated[DemoSeeder.AdminEmail]));
                Assert.Equal(HttpStatusCode.Unauthorized, await LoginStatusAsync(again, DemoSeeder.AdminEmail, DemoSeeder.AdminPassword));
            }
        }
        finally
        {
            HostedDemo.Delete(db, keys);
        }
    }

    [Fact]
    public async Task SeedAsync_PolicyNone_CreatesNoAccountsButThePosts()
    {
        var db = HostedDemo.TempPath("seed-none") + ".db";
        var keys = HostedDemo.TempPath("keys");
        try
        {
            await using var demo = new HostedDemo("Production", new Dictionary<string, string>
            {
                ["Demo:Database"] = db, ["Demo:DataProtectionKeys"] = keys, [DemoSeeder.PasswordsKey] = "none",
            });
            using var http = demo.Start();

            await using var scope = demo.Services.CreateAsyncScope();
            Assert.Empty(scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>().Users);
            Assert.Equal(20, scope.ServiceProvider.GetRequiredService<DemoDbContext>().Posts.Count());
            Assert.Equal(HttpStatusCode.Unauthorized, await LoginStatusAsync(http, DemoSeeder.AdminEmail, DemoSeeder.AdminPassword));
            Assert.Equal("", demo.SeedOutput.ToString());
        }
        finally
        {
            HostedDemo.Delete(db, keys);
        }
    }

    [Theory]
    [InlineData("Development", null, DemoSeedPasswords.Known)]
    [InlineData("Production", null, DemoSeedPasswords.Random)]
    [InlineData("Staging", "", DemoSeedPasswords.Random)]
    [InlineData("Production", "known", DemoSeedPasswords.Known)]
    [InlineData("Production", " Known ", DemoSeedPasswords.Known)]
    [InlineData("Development", "random", DemoSeedPasswords.Random)]
    [InlineData("Development", "none", DemoSeedPasswords.None)]
    public void PasswordPolicy_EnvironmentAndSetting_DefaultsToKnownOnlyInDevelopment(string environment, string? setting, DemoSeedPasswords expected)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [DemoSeeder.PasswordsKey] = setting }).Build();

        Assert.Equal(expected, DemoSeeder.PasswordPolicy(configuration, new Environment(environment)));
    }

    [Theory]
    [InlineData("yes")]
    [InlineData("0")]
    [InlineData("3")]
    [InlineData("known,random")]
    public void PasswordPolicy_UnknownValue_FailsTheStartInsteadOfGuessing(string setting)
    {
        // "0" and "3" parse as enum numbers: a typo must never fall back to the known passwords.
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [DemoSeeder.PasswordsKey] = setting }).Build();

        Assert.Throws<InvalidOperationException>(() => DemoSeeder.PasswordPolicy(configuration, new Environment("Production")));
    }

    [Fact]
    public void GeneratePassword_ManyCalls_MeetIdentityDefaultRulesAndNeverRepeat()
    {
        // The rules the demo's Identity uses (the defaults), checked independently of the generator's construction.
        var rules = new IdentityOptions().Password;
        var seen = new HashSet<string>(StringComparer.Ordinal);

        for (var i = 0; i < 2000; i++)
        {
            var password = DemoSeeder.GeneratePassword();
            Assert.True(password.Length >= Math.Max(rules.RequiredLength, 20), password);
            Assert.True(!rules.RequireUppercase || password.Any(char.IsAsciiLetterUpper), password);
            Assert.True(!rules.RequireLowercase || password.Any(char.IsAsciiLetterLower), password);
            Assert.True(!rules.RequireDigit || password.Any(char.IsAsciiDigit), password);
            Assert.True(!rules.RequireNonAlphanumeric || password.Any(c => !char.IsAsciiLetterOrDigit(c)), password);
            Assert.True(password.Distinct().Count() >= rules.RequiredUniqueChars, password);
            Assert.All(password, c => Assert.True(c is > ' ' and < (char)127, password));
            Assert.True(seen.Add(password));
        }
    }

    private sealed class Environment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;

        public string ApplicationName { get; set; } = "RefineSharp.Demo";

        public string ContentRootPath { get; set; } = Path.GetTempPath();

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
