using System.Text.RegularExpressions;
using Microsoft.Playwright;
using RefineSharp.Packaging.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;
using RefineSharp.E2E.Tests.Infrastructure;

namespace RefineSharp.Packaging.Tests.Templates;

/// <summary>
/// `dotnet new refinesharp`: every documented combination of --render-mode and --provider is instantiated from the
/// installed template pack, built against the feed's packages, started, and signed in to in Chromium (guard, a
/// wrong password, login, identity and role, logout, guard again). Oidc and Jwt apps sign in against RefineSharp's
/// sample identity server and sample JWT API, started by the test on loopback.
/// </summary>
[Collection(PackagingCollection.Name)]
public sealed class TemplateTests(PackageFeed feed)
{
    private const string Password = "Admin123!";

    /// <summary>
    /// The combinations docs/packaging.md documents as tested; each one is built and signed in to. Chosen so that every
    /// provider and every kind of browser code runs once while the suite builds only two WebAssembly apps (each costs
    /// a minute or more on the shared machine): every provider with Server; WebAssembly with InMemory (the whole auth
    /// stack in the browser); Auto with Identity (the host's session endpoints from the browser, after the circuit).
    /// WebAssembly x Identity and Auto x InMemory run the same client code as Auto x Identity and WebAssembly x InMemory;
    /// Oidc and Jwt differ from Identity only in the host's registration, which every render mode shares.
    /// </summary>
    public static TheoryData<string, string> Combinations => new()
    {
        { "Server", "InMemory" },
        { "Server", "Identity" },
        { "Server", "Oidc" },
        { "Server", "Jwt" },
        { "WebAssembly", "InMemory" },
        { "Auto", "Identity" },
    };

    [Theory]
    [MemberData(nameof(Combinations))]
    public async Task Template_Combination_BuildsAndSignsInAndOut(string renderMode, string provider)
    {
        var hive = await HiveAsync();
        await hive.BuildAllAsync(Combinations.Select(row => ((string)row[0], (string)row[1])));
        var name = TemplateHive.AppName(renderMode, provider);
        var solutionDir = Path.Combine(hive.Apps, name);
        var hostDir = Path.Combine(solutionDir, name);
        Assert.Equal(renderMode != "Server", Directory.Exists(Path.Combine(solutionDir, name + ".Client")));
        Assert.Equal(provider == "Identity", Directory.Exists(Path.Combine(hostDir, "Data")));
        AssertNoTemplateLeftovers(solutionDir, name);

        var appUrl = $"http://127.0.0.1:{FreePort.Next()}";
        await using var backend = await TemplateBackend.StartAsync(provider, appUrl);
        await using var app = await AppProcess.StartAsync(hostDir, name, "template-" + name, appUrl, backend.AppSettings);
        var (playwright, browser) = await Browser.LaunchAsync();
        try
        {
            await SmokeAsync(browser, app.BaseUrl, name, backend);
        }
        finally
        {
            await browser.CloseAsync();
            playwright.Dispose();
        }
    }

    [Fact]
    public async Task Template_Defaults_AreServerAndInMemory_AndHelpListsTheDocumentedChoices()
    {
        var hive = await HiveAsync();
        var help = await hive.NewAsync("refinesharp", "--help");
        foreach (var expected in new[] { "--render-mode", "Server", "WebAssembly", "Auto", "--provider", "InMemory", "Identity", "Oidc", "Jwt" })
        {
            Assert.Contains(expected, help, StringComparison.Ordinal);
        }

        var name = "Defaults" + Guid.NewGuid().ToString("N")[..6];
        await hive.NewAsync("refinesharp", "-n", name, "-o", name);
        var host = Path.Combine(hive.Apps, name, name);
        Assert.False(Directory.Exists(Path.Combine(hive.Apps, name, name + ".Client")), "Server: one project");
        Assert.True(File.Exists(Path.Combine(host, "Components", "AppUsers.cs")), "InMemory: the accounts in code");
        Assert.False(Directory.Exists(Path.Combine(host, "Data")), "InMemory: no database");
        var program = await File.ReadAllTextAsync(Path.Combine(host, "Program.cs"));
        Assert.Contains("AddInteractiveServerComponents()", program, StringComparison.Ordinal);
        Assert.DoesNotContain("WebAssembly", program, StringComparison.Ordinal);
        Assert.DoesNotContain("AddServerSessions", program, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--render-mode", "Hybrid")]
    [InlineData("--provider", "Saml")]
    [InlineData("--provider", "oidc;Jwt")]
    [InlineData("--render-mode", "Server;rm -rf")]
    public async Task Template_UnknownChoice_IsRefusedAndWritesNothing(string option, string value)
    {
        var hive = await HiveAsync();
        var output = Path.Combine(hive.Apps, "Refused" + Guid.NewGuid().ToString("N")[..8]);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => hive.NewAsync("refinesharp", "-o", output, option, value));

        Assert.Contains(value, error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(output) && Directory.EnumerateFileSystemEntries(output).Any(), "nothing is generated");
    }

    private static async Task SmokeAsync(IBrowser browser, string baseUrl, string name, TemplateBackend backend)
    {
        SetDefaultExpectTimeout(60_000);
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseUrl });
        context.SetDefaultTimeout(60_000);
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.PageError += (_, e) => errors.Add(e);
        try
        {
            // Signed out, the guarded home page sends the visitor to the sign-in page.
            await page.GotoAsync("/");
            await Expect(page).ToHaveURLAsync(new Regex("^" + Regex.Escape(baseUrl) + "/login(\\?.*)?$"));
            await FormReadyAsync(page);

            var email = backend.Email;
            if (backend.IdentityServerUrl is { } idp)
            {
                // OIDC: the button sends the browser to the identity server; a wrong password stays there, signed out.
                var idpLogin = new Regex("^" + Regex.Escape(idp + "/account/login") + "(\\?.*)?$");
                await page.Locator($"button[data-provider={TemplateBackend.OidcProviderName}]").ClickAsync();
                await Expect(page).ToHaveURLAsync(idpLogin);
                await SubmitAsync(page, email, "Wrong-" + Password);
                await Expect(page.Locator("[data-idp-error]")).ToBeVisibleAsync();
                await Expect(page).ToHaveURLAsync(idpLogin);

                // The right one comes back to the page the guard left, with the user's identity and role.
                await SubmitAsync(page, email, Password);
            }
            else
            {
                // A wrong password stays on the sign-in page, signed out.
                await SubmitAsync(page, email, "Wrong-" + Password);
                await Expect(page.Locator("[data-notification-key=login-error]")).ToBeVisibleAsync();
                await Expect(page).ToHaveURLAsync(new Regex("/login(\\?.*)?$"));
                await Expect(page.Locator("[data-identity-card]")).ToHaveCountAsync(0);

                // The right one reaches the home page, with the user's identity and role (AuthorizeView follows the provider).
                await page.GotoAsync("/login");
                await FormReadyAsync(page);
                await SubmitAsync(page, email, Password);
            }

            await Expect(page).ToHaveURLAsync(baseUrl + "/");
            await Expect(page.Locator("[data-identity-card]")).ToContainTextAsync(email);
            await Expect(page.Locator("[data-role=admin]")).ToBeVisibleAsync();
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(RepositoryPaths.Artifacts, name + "-signed-in.png") });

            // Log out (once the page is interactive: a click before that is lost), then the guard applies again.
            await page.Locator("[data-refine-interactive]").First.WaitForAsync(new() { State = WaitForSelectorState.Attached });
            await page.Locator("[data-action=logout]").ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex("/login(\\?.*)?$"));
            await page.GotoAsync("/");
            await Expect(page).ToHaveURLAsync(new Regex("^" + Regex.Escape(baseUrl) + "/login(\\?.*)?$"));
            await Expect(page.Locator("[data-identity-card]")).ToHaveCountAsync(0);
            Assert.Empty(errors);
        }
        finally
        {
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(RepositoryPaths.Artifacts, name + "-last.png") });
            await context.CloseAsync();
        }
    }

    /// <summary>Waits until the sign-in page works: interactive, or a static form that posts.</summary>
    private static Task FormReadyAsync(IPage page) =>
        page.Locator("[data-refine-interactive], [data-refine-static]").First.WaitForAsync(new() { State = WaitForSelectorState.Attached });

    private static async Task SubmitAsync(IPage page, string email, string password)
    {
        await page.Locator("#email").FillAsync(email);
        await page.Locator("#password").FillAsync(password);
        await page.Locator("button[type=submit]").ClickAsync();
    }

    private static void AssertNoTemplateLeftovers(string directory, string name)
    {
        var sources = Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.EndsWith(".db", StringComparison.Ordinal));
        foreach (var file in sources)
        {
            var text = File.ReadAllText(file);
            Assert.DoesNotContain("RefineSharp.App", text, StringComparison.Ordinal);
            Assert.DoesNotContain("#if (", text, StringComparison.Ordinal);
            Assert.DoesNotContain("#endif", text, StringComparison.Ordinal);
            Assert.DoesNotContain("_VERSION", text, StringComparison.Ordinal);
            Assert.Contains(name, Path.GetRelativePath(directory, file) + text, StringComparison.Ordinal);
        }
    }

    private Task<TemplateHive> HiveAsync() => feed.TemplatesAsync();
}
