using System.Collections.Concurrent;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;
using RefineSharp.E2E.Tests.Infrastructure;

namespace RefineSharp.E2E.Tests.Kits;

/// <summary>
/// Every kit's sign-in page in Interactive WebAssembly (samples/RefineSharp.KitsDemo with RenderMode=WebAssembly), with
/// the server-side session model: the page runs in the browser, its provider is HostSessionAuthProvider, the real
/// provider (ASP.NET Core Identity on SQLite) and the session stay on the host.
/// </summary>
[Collection(KitsCollection.Name)]
public sealed class KitWasmTests(KitsDemoFixture kits)
{
    public static TheoryData<string> Kits() => [.. KitsDemoFixture.Kits];

    [Theory]
    [MemberData(nameof(Kits))]
    public async Task SignIn_InTheBrowser_GoesThroughTheSessionEndpointAndLogoutEndsTheSession(string kit)
    {
        await using var session = await kits.OpenAsync(kit, KitServerVariant.WebAssembly, nameof(SignIn_InTheBrowser_GoesThroughTheSessionEndpointAndLogoutEndsTheSession));
        var page = session.Page;
        var posts = new ConcurrentQueue<string>();
        page.Request += (_, request) =>
        {
            if (request.Method == "POST")
            {
                posts.Enqueue(new Uri(request.Url).AbsolutePath);
            }
        };

        await OpenInteractiveAsync(page, "/login");
        await KitPage.Input(page, "email").FillAsync(KitPage.Email);
        await KitPage.Input(page, "password").FillAsync(KitPage.Password);
        await page.Locator("form [type=submit]").ClickAsync();

        await Expect(page).ToHaveURLAsync(session.Url("/"));
        await Expect(page.Locator("[data-kits-user]")).ToContainTextAsync(KitPage.Email);
        // The browser app signed in through the host (no form post, no circuit), and holds only the HttpOnly cookie.
        Assert.Equal(["/_refine/session/login"], posts.ToArray());
        var cookie = Assert.Single(await session.Context.CookiesAsync(), c => c.Name == ".refine.session");
        Assert.True(cookie.HttpOnly);
        // Script-readable storage holds nothing of the session: no cookie, nothing but Blazor's own resource hashes.
        Assert.Equal("", await page.EvaluateAsync<string>("() => document.cookie"));
        Assert.Equal(0, await page.EvaluateAsync<int>("() => sessionStorage.length"));
        Assert.All(await page.EvaluateAsync<string[]>("() => Object.keys(localStorage)"), key => Assert.StartsWith("blazor-resource-hash:", key, StringComparison.Ordinal));
        await session.ScreenshotAsync("home");

        await page.Locator("[data-kits-logout]").ClickAsync();
        await Expect(page).ToHaveURLAsync(session.UrlWithAnyQuery("/login"));
        await Expect(page.Locator("[data-refine-auth-page=login]")).ToBeVisibleAsync();

        // The session ended on the server: a new page load of the guarded page is sent to the login page.
        await page.GotoAsync("/");
        await Expect(page).ToHaveURLAsync(session.UrlWithAnyQuery("/login"));
        await Expect(page.Locator("[data-kits-home]")).ToHaveCountAsync(0);
    }

    [Theory]
    [MemberData(nameof(Kits))]
    public async Task SignIn_WrongPasswordInTheBrowser_ShowsTheKitsErrorAndNoSession(string kit)
    {
        await using var session = await kits.OpenAsync(kit, KitServerVariant.WebAssembly, nameof(SignIn_WrongPasswordInTheBrowser_ShowsTheKitsErrorAndNoSession));
        var page = session.Page;

        await OpenInteractiveAsync(page, "/login");
        await KitPage.Input(page, "email").FillAsync(KitPage.Email);
        await KitPage.Input(page, "password").FillAsync("Wrong-Passw0rd!");
        await page.Locator("form [type=submit]").ClickAsync();

        var summary = page.Locator("[data-refine-error-summary]");
        await Expect(summary).ToBeVisibleAsync();
        await Expect(summary).ToHaveAttributeAsync("role", "alert");
        await Expect(KitPage.InteractiveNotification(page, kit, "login-error", "Login Error")).ToBeVisibleAsync();
        await Expect(page).ToHaveURLAsync(session.Url("/login"));
        Assert.DoesNotContain(await session.Context.CookiesAsync(), c => c.Name == ".refine.session");
        // Fluent's text input reflects what was typed into its own current-value attribute (Fluent's design, in every
        // render mode; docs/ui-kits.md says so); nothing else of the page may carry the password.
        var html = await page.ContentAsync();
        if (kit == "Fluent")
        {
            Assert.Contains("current-value=\"Wrong-Passw0rd!\"", html, StringComparison.Ordinal);
            html = html.Replace("current-value=\"Wrong-Passw0rd!\"", "", StringComparison.Ordinal);
        }

        Assert.DoesNotContain("Wrong-Passw0rd!", html, StringComparison.Ordinal);
        await session.ScreenshotAsync("login-error");
    }

    [Theory]
    [MemberData(nameof(Kits))]
    public async Task SignIn_EmptyFormInTheBrowser_ShowsFieldErrorsWithTheirAria(string kit)
    {
        await using var session = await kits.OpenAsync(kit, KitServerVariant.WebAssembly, nameof(SignIn_EmptyFormInTheBrowser_ShowsFieldErrorsWithTheirAria));
        var page = session.Page;

        await OpenInteractiveAsync(page, "/login");
        await page.Locator("form [type=submit]").ClickAsync();

        await Expect(page.Locator("#email-error")).ToHaveTextAsync("Email is required");
        await Expect(page.Locator("#password-error")).ToHaveTextAsync("Password is required");
        await Expect(page.Locator("#email")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.Locator("#email")).ToHaveAttributeAsync("aria-describedby", "email-error");
        await session.ScreenshotAsync("field-errors");
    }

    // The kit's page runs once the browser app has started (data-refine-interactive) and, for Fluent, its elements exist.
    private static async Task OpenInteractiveAsync(IPage page, string path)
    {
        await page.GotoAsync(path);
        await page.Locator("[data-refine-interactive]").First.WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = 120_000 });
        await KitPage.ScriptsDefinedAsync(page);
    }
}
