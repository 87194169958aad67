using System.Text.Json;
using Microsoft.Playwright;
using RefineSharp.E2E.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace RefineSharp.E2E.Tests.Sessions;

/// <summary>
/// The server-side session as an attacker sees it: nothing a page script can read signs in, the cookie is HttpOnly,
/// a copied cookie stops working at logout, and the first HTML of a reload already knows the user.
/// </summary>
[Collection(DemoCollection.Name)]
public sealed class ServerSessionTests(DemoFixture fixture)
{
    [Fact]
    public async Task SignIn_EverythingAScriptCanRead_HoldsNoTokenAndDoesNotSignInAnotherBrowser()
    {
        await using var victim = await fixture.OpenAsync(nameof(SignIn_EverythingAScriptCanRead_HoldsNoTokenAndDoesNotSignInAnotherBrowser));
        await victim.LoginAsync(TestUsers.EditorEmail, TestUsers.EditorPassword);
        await victim.GotoAsync("/posts");
        await Expect(victim.Page.Locator("[data-posts]")).ToBeVisibleAsync();

        // What an injected script gets: both storages and document.cookie.
        var readable = await victim.Page.EvaluateAsync<JsonElement>(
            "() => ({ local: Object.entries(localStorage), session: Object.entries(sessionStorage), cookie: document.cookie })");
        var cookies = await victim.Context.CookiesAsync();
        var session = Assert.Single(cookies, c => c.Name == ".refine.session");
        Assert.True(session.HttpOnly);
        Assert.Equal(SameSiteAttribute.Lax, session.SameSite);
        Assert.DoesNotContain(".refine.session", readable.GetProperty("cookie").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("token", readable.GetRawText(), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("eyJ", readable.GetRawText(), StringComparison.Ordinal);

        // Replay all of it into a fresh browser: still signed out.
        await using var attacker = await fixture.OpenAsync("script-replay-attacker");
        await attacker.Page.GotoAsync("/not-found");
        await attacker.Page.EvaluateAsync(
            "json => { const r = JSON.parse(json); for (const [k, v] of r.local) localStorage.setItem(k, v); for (const [k, v] of r.session) sessionStorage.setItem(k, v); for (const c of r.cookie.split('; ').filter(x => x)) document.cookie = c; }",
            readable.GetRawText());
        await attacker.Page.GotoAsync("/posts");

        await Expect(attacker.Page).ToHaveURLAsync(attacker.Url("/login?to=%2Fposts"));
        await Expect(attacker.Page.Locator("[data-posts]")).ToHaveCountAsync(0);
        await attacker.ScreenshotAsync("replay-refused");
    }

    [Fact]
    public async Task Logout_StolenCookieCopiedBefore_IsRefusedAfterwards()
    {
        await using var victim = await fixture.OpenAsync(nameof(Logout_StolenCookieCopiedBefore_IsRefusedAfterwards));
        await victim.LoginAsync(TestUsers.EditorEmail, TestUsers.EditorPassword);
        var stolen = (await victim.Context.CookiesAsync()).Where(c => c.Name == ".refine.session").Select(ToParam).ToArray();
        Assert.Single(stolen);

        // Before the logout the stolen cookie works (so the refusal below is the logout's doing).
        await using (var before = await fixture.OpenAsync("stolen-cookie-before-logout"))
        {
            await before.Context.AddCookiesAsync(stolen);
            await before.Page.GotoAsync("/posts");
            await Expect(before.Page).ToHaveURLAsync(before.Url("/posts"));
            await Expect(before.Page.Locator("[data-posts]")).ToBeVisibleAsync();
        }

        await victim.Page.Locator("[data-action=logout]").ClickAsync();
        await Expect(victim.Page).ToHaveURLAsync(victim.Url("/login"));

        await using var after = await fixture.OpenAsync("stolen-cookie-after-logout");
        await after.Context.AddCookiesAsync(stolen);
        await after.Page.GotoAsync("/posts");
        await Expect(after.Page).ToHaveURLAsync(after.Url("/login?to=%2Fposts"));
        await Expect(after.Page.Locator("[data-posts]")).ToHaveCountAsync(0);
        await after.ScreenshotAsync("stolen-cookie-refused");
    }

    [Fact]
    public async Task Reload_SignedIn_FirstHtmlAlreadyShowsTheUserAndTheContent()
    {
        await using var session = await fixture.OpenAsync(nameof(Reload_SignedIn_FirstHtmlAlreadyShowsTheUserAndTheContent));
        await session.LoginAsync(TestUsers.AdminEmail, TestUsers.AdminPassword);

        // The first HTML exactly as the server sends it on a reload (with the browser's cookies). Reading the live DOM
        // instead would race the circuit, whose first interactive render briefly shows <AuthorizeView> as authorizing.
        var reload = await session.Context.APIRequest.GetAsync("/");
        Assert.Equal(200, reload.Status);
        var firstHtml = await reload.TextAsync();
        await session.Page.GotoAsync("/", new PageGotoOptions { WaitUntil = WaitUntilState.DOMContentLoaded });
        await session.ScreenshotAsync("first-html");

        Assert.Contains("data-identity-card", firstHtml, StringComparison.Ordinal);
        Assert.Contains(TestUsers.AdminEmail, firstHtml, StringComparison.Ordinal);
        // <AuthorizeView Roles="admin"> in the menu already knows the user's roles.
        Assert.Contains("data-nav=\"admin\"", firstHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("data-refine-auth-page", firstHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reload_SignedOut_ProtectedPageIsRedirectedByTheServerWithoutItsContent()
    {
        await using var session = await fixture.OpenAsync(nameof(Reload_SignedOut_ProtectedPageIsRedirectedByTheServerWithoutItsContent));
        var response = await session.Page.APIRequest.GetAsync("/posts", new APIRequestContextOptions { MaxRedirects = 0 });

        Assert.Equal(302, response.Status);
        Assert.EndsWith("/login?to=%2Fposts", response.Headers["location"], StringComparison.Ordinal);
        Assert.DoesNotContain("data-posts", await response.TextAsync(), StringComparison.Ordinal);
    }

    private static Cookie ToParam(BrowserContextCookiesResult c) => new()
    {
        Name = c.Name,
        Value = c.Value,
        Domain = c.Domain,
        Path = c.Path,
        HttpOnly = c.HttpOnly,
        Secure = c.Secure,
        SameSite = c.SameSite,
    };
}
