using System.Text.RegularExpressions;
using Microsoft.Playwright;
using RefineSharp.E2E.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace RefineSharp.E2E.Tests.Docs;

/// <summary>
/// The app built from docs/providers/jwt.md's own snippets, against the sample JWT API, in Chromium: the guard sends
/// to the login page and back, identity and roles show, a session the API revoked ends on the next call, and an
/// access token about to expire is refreshed without the user noticing.
/// </summary>
public sealed class JwtDocsAppTests : IClassFixture<DocsAppFixture>, IAsyncLifetime
{
    private readonly DocsAppFixture _app;
    private IBrowserContext _context = null!;
    private IPage _page = null!;

    public JwtDocsAppTests(DocsAppFixture app) => _app = app;

    public async Task InitializeAsync()
    {
        _context = await _app.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = _app.BaseUrl });
        _context.SetDefaultTimeout(30_000);
        _page = await _context.NewPageAsync();
    }

    public async Task DisposeAsync() => await _context.CloseAsync();

    [Fact]
    public void Docs_DefineTheWholeApp()
    {
        Assert.Contains("Program.cs", _app.Files.Keys);
        Assert.Contains(_app.Files, f => f.Value.Contains("AddJwtAuth(", StringComparison.Ordinal));
        Assert.Contains(_app.Files, f => f.Value.Contains("@page \"/login\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Guard_SignedOutVisitorOfPosts_LogsInAndReturnsThereWithIdentityAndAdminRole()
    {
        await _page.GotoAsync("/posts");
        await Expect(_page).ToHaveURLAsync(_app.BaseUrl + "/login?to=%2Fposts");

        await SubmitLoginAsync("admin@jwt.local", "Admin123!");

        await Expect(_page).ToHaveURLAsync(_app.BaseUrl + "/posts");
        await Expect(_page.Locator("[data-posts] li").First).ToHaveTextAsync("Hello from the JWT API");
        await Expect(_page.Locator("[data-user-name]")).ToHaveTextAsync("Ada Admin");
        await _page.GotoAsync("/");
        await Expect(_page.Locator("[data-admin-area]")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Roles_Editor_SeesNoAdminArea()
    {
        await _page.GotoAsync("/login");
        await SubmitLoginAsync("editor@jwt.local", "Editor123!");

        await Expect(_page).ToHaveURLAsync(_app.BaseUrl + "/");
        await Expect(_page.Locator("[data-user-name]")).ToHaveTextAsync("Ed Editor");
        await Expect(_page.Locator("[data-not-admin]")).ToBeVisibleAsync();
        await Expect(_page.Locator("[data-admin-area]")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Login_WrongPassword_StaysWithRefinesError()
    {
        await _page.GotoAsync("/login?to=%2Fposts");
        await SubmitLoginAsync("admin@jwt.local", "not-the-password");

        await Expect(_page.GetByText("Invalid credentials")).ToBeVisibleAsync();
        await Expect(_page).ToHaveURLAsync(new Regex("/login"));
        await _page.GotoAsync("/posts");
        await Expect(_page).ToHaveURLAsync(_app.BaseUrl + "/login?to=%2Fposts");
    }

    [Fact]
    public async Task DataCall_ApiRevokedTheSession_401EndsItAndReturnsToLogin()
    {
        await _page.GotoAsync("/login?to=%2Fposts");
        await SubmitLoginAsync("editor@jwt.local", "Editor123!");
        await Expect(_page.Locator("[data-posts] li").First).ToBeVisibleAsync();
        await WaitForCircuitAsync();

        await _app.RevokeAllAsync(2);
        await _page.Locator("[data-load-posts]").ClickAsync();

        await Expect(_page).ToHaveURLAsync(new Regex("/login\\?to=%2Fposts(&|$)"));
        await Expect(_page.GetByText("Session ended")).ToBeVisibleAsync();
        await _page.GotoAsync("/posts");
        await Expect(_page).ToHaveURLAsync(_app.BaseUrl + "/login?to=%2Fposts");
    }

    [Fact]
    public async Task Expiry_AccessTokenAboutToExpire_IsRefreshedAndTheUserStaysSignedIn()
    {
        await _page.GotoAsync("/login?to=%2Fposts");
        await SubmitLoginAsync("admin@jwt.local", "Admin123!");
        await Expect(_page.Locator("[data-posts] li").First).ToBeVisibleAsync();
        await WaitForCircuitAsync();
        var refreshes = await _app.ApiRefreshesAsync();

        // Past the lifetime minus the 30 s refresh skew: the next call must refresh first.
        await Task.Delay(DocsAppFixture.AccessTokenLifetime - TimeSpan.FromSeconds(30) + TimeSpan.FromSeconds(1));
        await _page.Locator("[data-load-posts]").ClickAsync();

        // The click's call runs in the circuit: wait (bounded) until the API has seen its refresh.
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (await _app.ApiRefreshesAsync() <= refreshes)
        {
            Assert.True(DateTime.UtcNow < deadline, "the API saw no refresh within 20 s of the click");
            await Task.Delay(100);
        }

        await Expect(_page.Locator("[data-posts] li").First).ToHaveTextAsync("Hello from the JWT API");
        await Expect(_page).ToHaveURLAsync(_app.BaseUrl + "/posts");
        await _page.ReloadAsync();
        await Expect(_page.Locator("[data-user-name]")).ToHaveTextAsync("Ada Admin");
    }

    private async Task SubmitLoginAsync(string email, string password)
    {
        await _page.Locator("#email").FillAsync(email);
        await _page.Locator("#password").FillAsync(password);
        await _page.Locator("button[type=submit]").ClickAsync();
    }

    private Task WaitForCircuitAsync() =>
        _page.Locator("[data-refine-interactive]").First.WaitForAsync(new() { State = WaitForSelectorState.Attached });
}
