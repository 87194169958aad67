using System.Net;
using RefineSharp.Demo.Data;
using RefineSharp.Demo.Tests.Hosting;

namespace RefineSharp.Demo.Tests.Components;

public sealed class PublicPagesTests(ProductionAndDevelopmentDemos demos) : IClassFixture<ProductionAndDevelopmentDemos>
{
    [Theory]
    [InlineData("does-not-exist")]
    [InlineData("admin/does-not-exist")]
    [InlineData("not-found")]
    public async Task NotFound_SignedOut_RendersTheNotFoundPageWithoutTheGuard(string path)
    {
        using var response = await demos.Production.GetAsync(new Uri(path, UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        if (path != "not-found")
        {
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }

        Assert.Contains("data-not-found", html, StringComparison.Ordinal);
        Assert.Contains("does not exist", html, StringComparison.Ordinal);
        // MainLayout's guard renders its loading line while prerendering and sends a signed-out visitor to /login.
        Assert.DoesNotContain("data-app-loading", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-refine-auth-page", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ErrorPage_SignedOut_RendersWithoutTheGuardOrDetails()
    {
        using var response = await demos.Production.GetAsync(new Uri("Error", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Contains("data-error-page", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-app-loading", html, StringComparison.Ordinal);
        Assert.DoesNotContain("ASPNETCORE_ENVIRONMENT", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoginPage_Production_ShowsNoDemoAccountsEvenWithKnownPasswords()
    {
        // The Production demo of this fixture seeds the known passwords on purpose: the page still must not print them.
        var html = await demos.Production.GetStringAsync(new Uri("login", UriKind.Relative));

        Assert.Contains("id=\"password\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-dev-accounts", html, StringComparison.Ordinal);
        Assert.DoesNotContain(DemoSeeder.AdminPassword, html, StringComparison.Ordinal);
        Assert.DoesNotContain(DemoSeeder.EditorPassword, html, StringComparison.Ordinal);
        // Known passwords outside Development are an explicit choice, and the console says so.
        Assert.Contains("WARNING: Demo:SeedPasswords=known outside Development", demos.ProductionSeedOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoginPage_DevelopmentWithGeneratedPasswords_ShowsNoDemoAccounts()
    {
        // The hint prints the documented passwords: with generated ones it would be wrong, so it is not shown.
        var db = HostedDemo.TempPath("dev-random") + ".db";
        var keys = HostedDemo.TempPath("keys");
        try
        {
            await using var demo = new HostedDemo("Development", new Dictionary<string, string>
            {
                ["Demo:Database"] = db, ["Demo:DataProtectionKeys"] = keys, [DemoSeeder.PasswordsKey] = "random",
            });
            using var http = demo.Start();

            var html = await http.GetStringAsync(new Uri("login", UriKind.Relative));

            Assert.Contains("id=\"password\"", html, StringComparison.Ordinal);
            Assert.DoesNotContain("data-dev-accounts", html, StringComparison.Ordinal);
            Assert.DoesNotContain(DemoSeeder.AdminPassword, html, StringComparison.Ordinal);
            Assert.Contains("generated password", demo.SeedOutput.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            HostedDemo.Delete(db, keys);
        }
    }

    [Fact]
    public async Task LoginPage_Development_ShowsTheDemoAccounts()
    {
        var html = await demos.Development.GetStringAsync(new Uri("login", UriKind.Relative));

        Assert.Contains("data-dev-accounts", html, StringComparison.Ordinal);
        Assert.Contains(DemoSeeder.AdminPassword, html, StringComparison.Ordinal);
    }
}
