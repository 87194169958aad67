using System.Collections.Concurrent;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;
using RefineSharp.E2E.Tests.Infrastructure;

namespace RefineSharp.E2E.Tests.Kits;

/// <summary>
/// One browser suite for every kit's sign-in pages (samples/RefineSharp.KitsDemo with Kit=Headless|MudBlazor|Fluent),
/// in Chromium against ASP.NET Core Identity on SQLite with server-side sessions. The sign-in pages are static forms
/// that post; each test reads the kit's own markup through the ids and data attributes all kits share.
/// </summary>
[Collection(KitsCollection.Name)]
public sealed class KitAuthPageTests(KitsDemoFixture kits)
{
    private const string Email = KitPage.Email;
    private const string Password = KitPage.Password;

    public static TheoryData<string> Kits() => [.. KitsDemoFixture.Kits];

    [Theory]
    [MemberData(nameof(Kits))]
    public async Task SignIn_RightPassword_ReachesTheGuardedHomePage(string kit)
    {
        await using var session = await kits.OpenAsync(kit, nameof(SignIn_RightPassword_ReachesTheGuardedHomePage));
        await session.GotoAsync("/login");
        await Expect(session.Page.Locator("[data-refine-static]")).ToHaveCountAsync(1);

        await Input(session.Page, "email").FillAsync(Email);
        await Input(session.Page, "password").FillAsync(Password);
        await session.ScreenshotAsync("filled");
        await session.Page.Locator("form [type=submit]").ClickAsync();

        await Expect(session.Page).ToHaveURLAsync(session.Url("/"));
        await Expect(session.Page.Locator("[data-kits-home]")).ToBeVisibleAsync();
        await Expect(session.Page.Locator("[data-kits-user]")).ToContainTextAsync(Email);
        await session.ScreenshotAsync("home");
    }

    [Theory]
    [MemberData(nameof(Kits))]
    public async Task SignIn_WrongPassword_ShowsTheKitsErrorAndStays(string kit)
    {
        await using var session = await kits.OpenAsync(kit, nameof(SignIn_WrongPassword_ShowsTheKitsErrorAndStays));
        await session.GotoAsync("/login");

        await Input(session.Page, "email").FillAsync(Email);
        await Input(session.Page, "password").FillAsync("Wrong-Passw0rd!");
        await session.Page.Locator("form [type=submit]").ClickAsync();

        var summary = session.Page.Locator("[data-refine-error-summary]");
        await Expect(summary).ToBeVisibleAsync();
        await Expect(summary).ToHaveAttributeAsync("role", "alert");
        // The kit's own notification: MudBlazor's snackbar renders on the static page too (and RefineMudNotifications
        // then stays out of its way); the headless toasts and Fluent's static message bars carry the key.
        var notification = kit == "MudBlazor"
            ? session.Page.Locator(".mud-snackbar", new() { HasText = "Login Error" })
            : session.Page.Locator("[data-notification-key=login-error]");
        await Expect(notification).ToBeVisibleAsync();
        await Expect(notification).ToContainTextAsync("Login Error");
        if (kit == "MudBlazor")
        {
            await Expect(session.Page.Locator("[data-notification-key=login-error]")).ToHaveCountAsync(0);
        }
        await Expect(session.Page).ToHaveURLAsync(session.Url("/login"));
        await Expect(session.Page.Locator("[data-kits-home]")).ToHaveCountAsync(0);
        Assert.DoesNotContain("Wrong-Passw0rd!", await session.Page.ContentAsync(), StringComparison.Ordinal);
        await session.ScreenshotAsync("login-error");
    }

    [Theory]
    [MemberData(nameof(Kits))]
    public async Task SignIn_EmptyForm_ShowsFieldErrorsWithTheirAria(string kit)
    {
        await using var session = await kits.OpenAsync(kit, nameof(SignIn_EmptyForm_ShowsFieldErrorsWithTheirAria));
        await session.GotoAsync("/login");
        // Nothing typed first: Fluent's submit button is a web component that does nothing until Fluent's script has
        // defined it (a human cannot type into its inputs before that either).
        await KitPage.ScriptsDefinedAsync(session.Page);

        await session.Page.Locator("form [type=submit]").ClickAsync();

        await Expect(session.Page.Locator("#email-error")).ToHaveTextAsync("Email is required");
        await Expect(session.Page.Locator("#password-error")).ToHaveTextAsync("Password is required");
        await Expect(session.Page.Locator("#email")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(session.Page.Locator("#email")).ToHaveAttributeAsync("aria-describedby", "email-error");
        await Expect(session.Page.Locator("[data-notification-key]")).ToHaveCountAsync(0);
        await Expect(session.Page).ToHaveURLAsync(session.Url("/login"));
        await session.ScreenshotAsync("field-errors");
    }

    [Theory]
    [MemberData(nameof(Kits))]
    public async Task ForgotPassword_FromTheLoginLink_SendsAndSaysSoOnTheLoginPage(string kit)
    {
        await using var session = await kits.OpenAsync(kit, nameof(ForgotPassword_FromTheLoginLink_SendsAndSaysSoOnTheLoginPage));
        await session.GotoAsync("/login");
        await session.Page.Locator("[data-refine-link=forgot-password]").ClickAsync();
        await Expect(session.Page).ToHaveURLAsync(session.Url("/forgot-password"));
        // Enhanced navigation changes the URL before the new page arrives, and the login page has an email input too.
        await Expect(session.Page.Locator("[data-refine-auth-page=forgotPassword]")).ToBeVisibleAsync();
        await BrowserSession.WaitInteractiveAsync(session.Page);

        await Input(session.Page, "email").FillAsync(Email);
        await Expect(Input(session.Page, "email")).ToHaveValueAsync(Email);
        await session.Page.Locator("form [type=submit]").ClickAsync();

        await Expect(session.Page).ToHaveURLAsync(session.Url("/login"));
        await Expect(session.Page.Locator("[data-notification-key=forgot-password-success]")).ToBeVisibleAsync();
        await session.ScreenshotAsync("reset-sent");
    }

    /// <summary>
    /// The sign-in pages' links work before any script has run (a click on a freshly loaded page, a slow network,
    /// JavaScript off): each kit renders them as native anchors. Fluent's own link is a web component, which ignored
    /// such a click until Fluent's script had defined it (the cause of the forgot-password test's timeouts on a busy
    /// machine, where that script arrives after the page's load event).
    /// </summary>
    [Theory]
    [MemberData(nameof(Kits))]
    public async Task Links_BeforeAnyScript_ReachTheirPages(string kit)
    {
        await using var session = await kits.OpenAsync(kit, nameof(Links_BeforeAnyScript_ReachTheirPages));
        var page = session.Page;
        await page.RouteAsync("**/_framework/**", route => route.AbortAsync());
        await page.RouteAsync("**/_content/**/*.js", route => route.AbortAsync());

        await page.GotoAsync("/login");
        await page.Locator("[data-refine-link=forgot-password]").ClickAsync();
        await Expect(page).ToHaveURLAsync(session.Url("/forgot-password"));
        await Expect(page.Locator("[data-refine-auth-page=forgotPassword]")).ToBeVisibleAsync();

        await page.Locator("[data-refine-link=login]").ClickAsync();
        await Expect(page).ToHaveURLAsync(session.Url("/login"));
        await page.Locator("[data-refine-link=register]").ClickAsync();
        await Expect(page).ToHaveURLAsync(session.Url("/register"));
        await Expect(page.Locator("[data-refine-auth-page=register]")).ToBeVisibleAsync();
        Assert.Equal(await page.Locator("[data-refine-link]").CountAsync(), await page.Locator("a[href][data-refine-link]").CountAsync());
    }

    /// <summary>
    /// No password in a URL, the way Forms/CredentialUrlTests attacks the headless page: the user types and presses
    /// Enter, and no request URL nor the URL the tab ends on carries the password. Headless and MudBlazor render native
    /// inputs, so Blazor's scripts are held back too (the form posts before any script). Fluent's inputs are web
    /// components that exist only once Fluent's script has run, so there the page keeps its scripts but stays static.
    /// </summary>
    [Theory]
    [MemberData(nameof(Kits))]
    public async Task Submit_EnterOnTheStaticPage_NoUrlCarriesThePassword(string kit)
    {
        await using var session = await kits.OpenAsync(kit, nameof(Submit_EnterOnTheStaticPage_NoUrlCarriesThePassword));
        var page = session.Page;
        var password = "Secret-" + Guid.NewGuid().ToString("N")[..12];
        var urls = new ConcurrentQueue<string>();
        page.Request += (_, request) => urls.Enqueue(request.Url);
        if (kit != "Fluent")
        {
            await page.RouteAsync("**/_framework/**", route => route.AbortAsync());
        }

        await page.GotoAsync("/login");
        await Input(page, "password").WaitForAsync();
        Assert.Equal(0, await page.Locator("[data-refine-interactive]").CountAsync());
        await Input(page, "email").FillAsync(Email);
        await Input(page, "password").FillAsync(password);

        var submitted = await page.RunAndWaitForRequestAsync(
            () => Input(page, "password").PressAsync("Enter"),
            // A plain post (scripts held back) is a navigation; with Fluent's scripts running, blazor.web.js sends the
            // post with fetch (EnhancedPost). Either way the one POST to the page is what must not carry the password.
            request => request.Method == "POST" && request.Frame == page.MainFrame && new Uri(request.Url).AbsolutePath == "/login");
        await page.WaitForLoadStateAsync(LoadState.Load);
        await session.ScreenshotAsync("after-enter");

        Assert.Equal("POST", submitted.Method);
        var seen = urls.Append(submitted.Url).Append(page.Url).ToList();
        Assert.All(seen, url =>
        {
            Assert.DoesNotContain(password, url, StringComparison.Ordinal);
            Assert.DoesNotContain(Uri.EscapeDataString(password), url, StringComparison.Ordinal);
            Assert.DoesNotContain("password=", url, StringComparison.OrdinalIgnoreCase);
        });

        // The server handled that post itself: a wrong password, so the kit's error summary, on the login page.
        await Expect(page.Locator("[data-refine-error-summary]")).ToBeVisibleAsync();
    }

    /// <summary>Fluent without its script: its inputs are undefined elements, so there is nothing a password could be typed into.</summary>
    [Fact]
    public async Task Fluent_ScriptsHeldBack_HasNoInputThatCouldCarryAPassword()
    {
        await using var session = await kits.OpenAsync("Fluent", nameof(Fluent_ScriptsHeldBack_HasNoInputThatCouldCarryAPassword));
        await session.Page.RouteAsync("**/_framework/**", route => route.AbortAsync());
        await session.Page.RouteAsync("**/_content/Microsoft.FluentUI.AspNetCore.Components/**", route => route.AbortAsync());

        await session.Page.GotoAsync("/login");
        await session.Page.Locator("form").WaitForAsync();

        Assert.Equal("post", await session.Page.Locator("form").GetAttributeAsync("method"));
        Assert.Equal(0, await session.Page.Locator("input[type=password], input:not([type=hidden])").CountAsync());
        Assert.Equal("password", await session.Page.Locator("fluent-text-input#password").GetAttributeAsync("type"));
    }

    private static ILocator Input(IPage page, string id) => KitPage.Input(page, id);
}
