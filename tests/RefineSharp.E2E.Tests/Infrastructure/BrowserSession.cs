using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace RefineSharp.E2E.Tests.Infrastructure;

/// <summary>
/// One test's browser: a fresh BrowserContext with a page on a demo server, plus the steps every test repeats
/// (open a page and wait until it is interactive, sign in, take a screenshot of the state reached).
/// </summary>
internal sealed class BrowserSession : IAsyncDisposable
{
    private readonly string _testName;
    private readonly List<string> _browserLog = [];
    private int _shots;

    private BrowserSession(IBrowserContext context, IPage page, DemoServer server, string testName)
    {
        Context = context;
        Page = page;
        Server = server;
        _testName = testName;
        // Console messages and script errors of every tab, saved next to the screenshots to explain a failure.
        context.Console += (_, message) => Record($"{message.Type}: {message.Text}");
        context.WebError += (_, error) => Record($"page error: {error.Error}");
    }

    public IBrowserContext Context { get; }

    public IPage Page { get; }

    public DemoServer Server { get; }

    public string BaseUrl => Server.BaseUrl;

    public static async Task<BrowserSession> OpenAsync(IBrowser browser, DemoServer server, string testName)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = server.BaseUrl,
            ViewportSize = new ViewportSize { Width = 1100, Height = 760 },
        });
        context.SetDefaultTimeout(30_000);
        var page = await context.NewPageAsync();
        return new BrowserSession(context, page, server, testName);
    }

    /// <summary>The exact absolute URL of <paramref name="pathAndQuery"/> on this server.</summary>
    public string Url(string pathAndQuery) => BaseUrl + pathAndQuery;

    /// <summary>A pattern matching this server's <paramref name="path"/> with or without a query.</summary>
    // No RegexOptions: Playwright hands the pattern to the browser and accepts only a few flags.
    public Regex UrlWithAnyQuery(string path) => new("^" + Regex.Escape(BaseUrl + path) + @"(\?.*)?$");

    /// <summary>Loads <paramref name="pathAndQuery"/> and waits until the circuit is attached (clicks before that are lost).</summary>
    public Task GotoAsync(string pathAndQuery) => GotoAsync(Page, pathAndQuery);

    public static async Task GotoAsync(IPage page, string pathAndQuery)
    {
        await page.GotoAsync(pathAndQuery);
        await WaitInteractiveAsync(page);
    }

    public static Task WaitInteractiveAsync(IPage page) => page.Locator("[data-refine-interactive], [data-refine-static]").First.WaitForAsync(new() { State = WaitForSelectorState.Attached });

    /// <summary>Fills the login form of the current page and submits it.</summary>
    public Task SubmitLoginAsync(string email, string password) => SubmitLoginAsync(Page, email, password);

    public static async Task SubmitLoginAsync(IPage page, string email, string password)
    {
        await page.Locator("#email").FillAsync(email);
        await page.Locator("#password").FillAsync(password);
        await page.Locator("button[type=submit]").ClickAsync();
    }

    /// <summary>Opens /login, signs in and waits for the dashboard.</summary>
    public Task LoginAsync(string email, string password) => LoginAsync(Page, email, password);

    public async Task LoginAsync(IPage page, string email, string password)
    {
        await GotoAsync(page, "/login");
        await SubmitLoginAsync(page, email, password);
        await Expect(page).ToHaveURLAsync(Url("/"));
        await Expect(page.Locator("[data-identity-card]")).ToBeVisibleAsync();

        // The sign-in page posts and the dashboard is a fresh page load: wait for its circuit before any click.
        await WaitForCircuitAsync(page);
    }

    /// <summary>Waits until the page's circuit is attached (a button clicked before that does nothing).</summary>
    public static Task WaitForCircuitAsync(IPage page) => page.Locator("[data-refine-interactive]").First.WaitForAsync(new() { State = WaitForSelectorState.Attached });

    /// <summary>Saves test-artifacts/e2e/&lt;test&gt;-&lt;nn&gt;-&lt;step&gt;.png of the page.</summary>
    public Task ScreenshotAsync(string step) => ScreenshotAsync(Page, step);

    public async Task ScreenshotAsync(IPage page, string step)
    {
        var number = Interlocked.Increment(ref _shots);
        var path = Path.Combine(RepositoryPaths.Artifacts, $"{_testName}-{number:00}-{step}.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
    }

    public async ValueTask DisposeAsync()
    {
        await Context.CloseAsync();
        string[] lines;
        lock (_browserLog)
        {
            lines = [.. _browserLog];
        }

        await File.WriteAllLinesAsync(Path.Combine(RepositoryPaths.Artifacts, _testName + ".browser.log"), lines);
    }

    private void Record(string line)
    {
        lock (_browserLog)
        {
            _browserLog.Add(line);
        }
    }
}
