using System.Text.RegularExpressions;
using Microsoft.Playwright;
using RefineSharp.E2E.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace RefineSharp.E2E.Tests.Oidc;

/// <summary>One test's browser context on the OIDC demo, with the steps of a sign-in through the identity server.</summary>
internal sealed class OidcBrowser : IAsyncDisposable
{
    public const string Admin = "admin@idp.local";
    public const string AdminPassword = "Admin123!";
    public const string Editor = "editor@idp.local";
    public const string EditorPassword = "Editor123!";

    private readonly string _name;
    private readonly List<string> _log = [];
    private int _shots;

    private OidcBrowser(OidcFixture fixture, IBrowserContext context, IPage page, string name)
    {
        Fixture = fixture;
        Context = context;
        Page = page;
        _name = name;
        context.Console += (_, m) => Record($"{m.Type}: {m.Text}");
        context.WebError += (_, e) => Record($"page error: {e.Error}");
    }

    public OidcFixture Fixture { get; }

    public IBrowserContext Context { get; }

    public IPage Page { get; }

    public static async Task<OidcBrowser> OpenAsync(OidcFixture fixture, string name)
    {
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = fixture.AppUrl });
        context.SetDefaultTimeout(30_000);
        return new OidcBrowser(fixture, context, await context.NewPageAsync(), name);
    }

    public string App(string path) => Fixture.AppUrl + path;

    public Regex AppPath(string path) => new("^" + Regex.Escape(Fixture.AppUrl + path) + @"(\?.*)?$");

    public Regex IdpLoginPage => new("^" + Regex.Escape(Fixture.IdpUrl + "/account/login") + @"\?");

    /// <summary>The login page's message about the last failed round trip.</summary>
    public ILocator Error => Page.Locator("[data-oidc-error]");

    /// <summary>Opens the login page (optionally with a raw query), waits for its circuit, and clicks the identity server's button.</summary>
    public async Task ClickProviderAsync(IPage? page = null, string loginUrl = "/login")
    {
        page ??= Page;
        if (!page.Url.StartsWith(Fixture.AppUrl + "/login", StringComparison.Ordinal))
        {
            await page.GotoAsync(loginUrl);
        }

        await WaitForCircuitAsync(page);
        await page.Locator($"button[data-provider={OidcFixture.Provider}]").ClickAsync();
    }

    /// <summary>Fills the identity server's login form (the page must be on it).</summary>
    public async Task EnterPasswordAsync(string email, string password, IPage? page = null)
    {
        page ??= Page;
        await Expect(page).ToHaveURLAsync(IdpLoginPage);
        await page.Locator("#email").FillAsync(email);
        await page.Locator("#password").FillAsync(password);
        await page.Locator("button[type=submit]").ClickAsync();
    }

    /// <summary>Opens a guarded page signed out, goes through the identity server and waits to be back on it.</summary>
    public async Task SignInAtAsync(string path, string email = Admin, string password = AdminPassword)
    {
        await Page.GotoAsync(path);
        await Expect(Page).ToHaveURLAsync(AppPath("/login"));
        await ClickProviderAsync();
        await EnterPasswordAsync(email, password);
        await Expect(Page).ToHaveURLAsync(App(path));
        await WaitForCircuitAsync(Page);
    }

    public static Task WaitForCircuitAsync(IPage page) =>
        page.Locator("[data-refine-interactive]").First.WaitForAsync(new() { State = WaitForSelectorState.Attached });

    public async Task ScreenshotAsync(string step, IPage? page = null)
    {
        var path = Path.Combine(RepositoryPaths.Artifacts, $"oidc-{_name}-{Interlocked.Increment(ref _shots):00}-{step}.png");
        await (page ?? Page).ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
    }

    public async ValueTask DisposeAsync()
    {
        await Context.CloseAsync();
        string[] lines;
        lock (_log)
        {
            lines = [.. _log];
        }

        await File.WriteAllLinesAsync(Path.Combine(RepositoryPaths.Artifacts, $"oidc-{_name}.browser.log"), lines);
    }

    private void Record(string line)
    {
        lock (_log)
        {
            _log.Add(line);
        }
    }
}
