using System.Text.Json;
using Microsoft.Playwright;
using RefineSharp.E2E.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace RefineSharp.E2E.Tests.Wasm;

/// <summary>
/// The WebAssembly sample in its default hosted mode, in Chromium: the provider runs on the host (Identity on SQLite),
/// the browser holds only the HttpOnly session cookie, the sign-in form is a plain post, the first HTML knows the
/// user, and API calls go through the host's proxy, which attaches the token on the server.
/// </summary>
[Collection(DemoCollection.Name)]
public sealed class WasmHostedTests(DemoFixture fixture, WasmDemoFixture wasm)
{
    private const string SessionCookie = ".refine.session";

    [Fact]
    public async Task SignIn_ScriptsBlocked_FormPostSignsInFollowsTheReturnPathAndRendersTheGuardedPage()
    {
        await using var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = wasm.Hosted.BaseUrl, JavaScriptEnabled = false });
        var page = await context.NewPageAsync();
        var requested = new List<string>();
        page.Request += (_, request) => requested.Add(request.Url);
        page.Console += (_, message) => requested.Add("console: " + message.Text);

        await page.GotoAsync("/login?to=%2Fadmin");
        await page.Locator("#email").FillAsync(WasmApp.AdminEmail);
        await page.Locator("#password").FillAsync(WasmApp.AdminPassword);
        await page.Locator("#password").PressAsync("Enter");

        // No script ran: the server signed in within the post and prerendered the guarded page for this user.
        await Expect(page).ToHaveURLAsync(wasm.Hosted.BaseUrl + "/admin");
        await Expect(page.Locator("[data-admin]")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-user-name]")).ToHaveTextAsync(WasmApp.AdminEmail);
        Assert.Equal(0, await page.Locator("[data-refine-interactive]").CountAsync());
        Assert.DoesNotContain(requested, u => u.Contains("password", StringComparison.OrdinalIgnoreCase));
        var cookie = Assert.Single(await context.CookiesAsync(), c => c.Name == SessionCookie);
        Assert.True(cookie.HttpOnly);
        Assert.Equal(SameSiteAttribute.Lax, cookie.SameSite);
        await page.ScreenshotAsync(new() { Path = Path.Combine(RepositoryPaths.Artifacts, "wasm-hosted-no-script-admin.png"), FullPage = true });
    }

    [Fact]
    public async Task SignIn_ScriptsBlockedWrongPassword_ShowsRefinesErrorAndSignsNobodyIn()
    {
        await using var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = wasm.Hosted.BaseUrl, JavaScriptEnabled = false });
        var page = await context.NewPageAsync();

        await page.GotoAsync("/login");
        await page.Locator("#email").FillAsync(WasmApp.AdminEmail);
        await page.Locator("#password").FillAsync("Wrong12345!");
        await page.Locator("button[type=submit]").ClickAsync();

        await Expect(page).ToHaveURLAsync(wasm.Hosted.BaseUrl + "/login");
        await Expect(page.Locator("[data-notification-key=login-error]")).ToContainTextAsync("Login Error");
        Assert.DoesNotContain(await context.CookiesAsync(), c => c.Name == SessionCookie);
    }

    [Fact]
    public async Task Register_ScriptsBlocked_CreatesTheAccountOnTheServerAndSignsIn()
    {
        await using var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = wasm.Hosted.BaseUrl, JavaScriptEnabled = false });
        var page = await context.NewPageAsync();
        var email = TestUsers.UniqueEmail("wasm-hosted");

        await page.GotoAsync("/register");
        await page.Locator("#email").FillAsync(email);
        await page.Locator("#password").FillAsync(TestUsers.Password);
        await page.Locator("button[type=submit]").ClickAsync();

        // The account lives in the host's Identity database: the home page is prerendered for it, and the session
        // endpoint (as the WebAssembly app would ask it) knows it too.
        await Expect(page).ToHaveURLAsync(wasm.Hosted.BaseUrl + "/");
        await Expect(page.Locator("[data-user-name]")).ToHaveTextAsync(email);
        var identity = await context.APIRequest.GetAsync("/_refine/session/identity", new() { Headers = new Dictionary<string, string> { ["X-Refine-Session"] = "1" } });
        Assert.Equal(200, identity.Status);
        Assert.Contains(email, await identity.TextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_EverythingAScriptCanRead_HoldsNoTokenAndDoesNotSignInAnotherBrowser()
    {
        await using var victim = await fixture.OpenAsync(nameof(SignIn_EverythingAScriptCanRead_HoldsNoTokenAndDoesNotSignInAnotherBrowser), wasm.Hosted);
        await SignInAsync(victim, WasmApp.AdminEmail, WasmApp.AdminPassword);
        await CallApiThroughThePageAsync(victim);

        var readable = await victim.Page.EvaluateAsync<JsonElement>(
            "() => ({ local: Object.entries(localStorage), session: Object.entries(sessionStorage), cookie: document.cookie })");
        Assert.DoesNotContain(SessionCookie, readable.GetProperty("cookie").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("token", readable.GetRawText(), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("eyJ", readable.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain("CfDJ8", readable.GetRawText(), StringComparison.Ordinal);

        // Replay all of it into a fresh browser: the API and the pages still see a stranger.
        await using var attacker = await fixture.OpenAsync("wasm-hosted-replay-attacker", wasm.Hosted);
        await attacker.Page.GotoAsync("/not-found");
        await attacker.Page.EvaluateAsync(
            "json => { const r = JSON.parse(json); for (const [k, v] of r.local) localStorage.setItem(k, v); for (const [k, v] of r.session) sessionStorage.setItem(k, v); for (const c of r.cookie.split('; ').filter(x => x)) document.cookie = c; }",
            readable.GetRawText());
        Assert.Equal(401, await FetchStatusAsync(attacker.Page, "/api/me", withHeader: true));
        await attacker.Page.GotoAsync("/admin");
        await Expect(attacker.Page).ToHaveURLAsync(attacker.Url("/login?to=%2Fadmin"));
    }

    [Fact]
    public async Task ApiCall_ThroughTheProxy_TheBackendGetsTheSessionsBearerTokenAndNoCookie()
    {
        await using var session = await fixture.OpenAsync(nameof(ApiCall_ThroughTheProxy_TheBackendGetsTheSessionsBearerTokenAndNoCookie), wasm.Hosted);
        await SignInAsync(session, WasmApp.ViewerEmail, WasmApp.ViewerPassword);

        // From the WebAssembly app: the nav link, then the button (HttpClient in the browser, cookie + CSRF header).
        await session.Page.Locator("[data-nav=api-call]").ClickAsync();
        await Expect(session.Page).ToHaveURLAsync(session.Url("/api-call"));
        await session.Page.Locator("[data-action=call-api]").ClickAsync();

        await Expect(session.Page.Locator("[data-api-status]")).ToHaveAttributeAsync("data-api-status", "200");
        await Expect(session.Page.Locator("[data-api-email]")).ToHaveTextAsync(WasmApp.ViewerEmail);
        await Expect(session.Page.Locator("[data-api-roles]")).ToHaveTextAsync("viewer");
        await Expect(session.Page.Locator("[data-api-cookie]")).ToHaveTextAsync("no");
        await session.ScreenshotAsync("api-call");

        // The raw answer as a script sees it: no credential in its headers or body.
        var raw = await session.Page.EvaluateAsync<JsonElement>(
            "async () => { const r = await fetch('/api/me', { headers: { 'X-Refine-Session': '1' } }); return { status: r.status, headers: [...r.headers.entries()], body: await r.text() }; }");
        Assert.Equal(200, raw.GetProperty("status").GetInt32());
        Assert.DoesNotContain("authorization", raw.GetProperty("headers").GetRawText(), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("set-cookie", raw.GetProperty("headers").GetRawText(), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("CfDJ8", raw.GetProperty("body").GetString(), StringComparison.Ordinal);
        Assert.Contains("\"bearerReceived\":true", raw.GetProperty("body").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApiCall_WithoutSession_Answers401AndTheBackendIsNotReachedDirectlyWithTheCookie()
    {
        await using var stranger = await fixture.OpenAsync(nameof(ApiCall_WithoutSession_Answers401AndTheBackendIsNotReachedDirectlyWithTheCookie), wasm.Hosted);
        await stranger.Page.GotoAsync("/not-found");
        Assert.Equal(401, await FetchStatusAsync(stranger.Page, "/api/me", withHeader: true));

        // Signed in, the backend itself still refuses the browser: it takes bearer tokens only, never the cookie.
        await using var session = await fixture.OpenAsync("wasm-hosted-backend-direct", wasm.Hosted);
        await SignInAsync(session, WasmApp.AdminEmail, WasmApp.AdminPassword);
        Assert.Equal(200, await FetchStatusAsync(session.Page, "/api/me", withHeader: true));
        Assert.Equal(401, await FetchStatusAsync(session.Page, "/backend/me", withHeader: true));
    }

    [Fact]
    public async Task CrossSite_FormPostAndMissingHeader_RefusedByTheProxyAndTheSessionEndpoints()
    {
        await using var session = await fixture.OpenAsync(nameof(CrossSite_FormPostAndMissingHeader_RefusedByTheProxyAndTheSessionEndpoints), wasm.Hosted);
        await SignInAsync(session, WasmApp.AdminEmail, WasmApp.AdminPassword);

        // Same origin, with the cookie, but without the custom header (what a plain form or <img> would send).
        Assert.Equal(403, await FetchStatusAsync(session.Page, "/api/me", withHeader: false));
        Assert.Equal(403, await FetchStatusAsync(session.Page, "/_refine/session/identity", withHeader: false));

        // A real cross-site page (served by the test under another origin): links to a session endpoint and to the
        // proxy (a top-level GET: the browser sends the Lax cookie, but no custom header, and says cross-site), and
        // forms posting at the proxy and at logout (top-level POSTs: no Lax cookie, no header).
        foreach (var path in new[] { "/_refine/session/identity", "/api/me" })
        {
            var attacker = await AttackerPageAsync(session);
            var navigation = attacker.WaitForResponseAsync(r => r.Url == wasm.Hosted.BaseUrl + path);
            await attacker.EvaluateAsync("href => { location.href = href; }", wasm.Hosted.BaseUrl + path);
            var response = await navigation;
            Assert.Equal(403, response.Status);
            Assert.DoesNotContain(WasmApp.AdminEmail, await response.TextAsync(), StringComparison.Ordinal);
            await attacker.CloseAsync();
        }

        foreach (var (form, refused) in new[] { ("api", new[] { 403 }), ("logout", new[] { 400, 403, 415 }) })
        {
            var attacker = await AttackerPageAsync(session);
            var navigation = attacker.WaitForResponseAsync(r => r.Url.StartsWith(wasm.Hosted.BaseUrl, StringComparison.Ordinal));
            await attacker.EvaluateAsync($"() => document.getElementById('{form}').submit()");
            // The proxy refuses with 403; the logout endpoint already refuses the form body before its CSRF filter runs.
            Assert.Contains((await navigation).Status, refused);
            await attacker.CloseAsync();
        }

        // The victim's session survived the forged logout.
        Assert.Equal(200, await FetchStatusAsync(session.Page, "/api/me", withHeader: true));

        // And a request that carries the cookie and the header but says it comes from another site is refused too.
        var forged = await session.Context.APIRequest.GetAsync(wasm.Hosted.BaseUrl + "/api/me", new APIRequestContextOptions
        {
            Headers = new Dictionary<string, string> { ["X-Refine-Session"] = "1", ["Sec-Fetch-Site"] = "cross-site" },
        });
        Assert.Equal(403, forged.Status);
    }

    [Fact]
    public async Task Logout_EndsTheSession_TheCookieCopiedBeforeIsRefusedByTheProxy()
    {
        await using var session = await fixture.OpenAsync(nameof(Logout_EndsTheSession_TheCookieCopiedBeforeIsRefusedByTheProxy), wasm.Hosted);
        await SignInAsync(session, WasmApp.AdminEmail, WasmApp.AdminPassword);
        var stolen = Assert.Single(await session.Context.CookiesAsync(), c => c.Name == SessionCookie);
        var headers = new Dictionary<string, string> { ["X-Refine-Session"] = "1", ["Cookie"] = $"{SessionCookie}={stolen.Value}" };
        await using var thief = await fixture.Playwright.APIRequest.NewContextAsync(new() { BaseURL = wasm.Hosted.BaseUrl });
        Assert.Equal(200, (await thief.GetAsync("/api/me", new() { Headers = headers })).Status);

        await session.Page.Locator("[data-action=logout]").ClickAsync();

        await Expect(session.Page).ToHaveURLAsync(session.Url("/login"));
        await Expect(session.Page.Locator("[data-refine-auth-page=login]")).ToBeVisibleAsync();
        Assert.DoesNotContain(await session.Context.CookiesAsync(), c => c.Name == SessionCookie);
        Assert.Equal(401, (await thief.GetAsync("/api/me", new() { Headers = headers })).Status);
        var page = await thief.GetAsync("/admin", new() { Headers = headers, MaxRedirects = 0 });
        Assert.Equal(302, page.Status);
        await session.ScreenshotAsync("after-logout");
    }

    [Theory]
    [InlineData("javascript:alert(document.domain)")]
    [InlineData("//evil.example/steal")]
    [InlineData("https://evil.example/")]
    [InlineData("/\\evil.example")]
    public async Task SignIn_HostileReturnPath_IsIgnored(string hostile)
    {
        await using var session = await fixture.OpenAsync(nameof(SignIn_HostileReturnPath_IsIgnored), wasm.Hosted);
        var dialogs = 0;
        session.Page.Dialog += (_, dialog) =>
        {
            dialogs++;
            _ = dialog.DismissAsync();
        };
        var offSite = new List<string>();
        session.Page.Request += (_, request) =>
        {
            if (!request.Url.StartsWith(wasm.Hosted.BaseUrl, StringComparison.Ordinal))
            {
                offSite.Add(request.Url);
            }
        };

        await BrowserSession.GotoAsync(session.Page, "/login?to=" + Uri.EscapeDataString(hostile));
        await session.SubmitLoginAsync(WasmApp.AdminEmail, WasmApp.AdminPassword);

        await Expect(session.Page).ToHaveURLAsync(session.Url("/"));
        await Expect(session.Page.Locator("[data-identity-card]")).ToBeVisibleAsync();
        Assert.Equal(0, dialogs);
        Assert.Empty(offSite);
    }

    [Fact]
    public async Task Reload_SignedIn_FirstHtmlAlreadyShowsTheUserTheAdminLinkAndNoLoading()
    {
        await using var session = await fixture.OpenAsync(nameof(Reload_SignedIn_FirstHtmlAlreadyShowsTheUserTheAdminLinkAndNoLoading), wasm.Hosted);
        await SignInAsync(session, WasmApp.AdminEmail, WasmApp.AdminPassword);

        // The document exactly as the server sends it on a reload, with the browser's cookie.
        var reload = await session.Context.APIRequest.GetAsync("/");
        Assert.Equal(200, reload.Status);
        var firstHtml = await reload.TextAsync();
        await session.Page.GotoAsync("/", new PageGotoOptions { WaitUntil = WaitUntilState.DOMContentLoaded });
        await session.ScreenshotAsync("first-html");

        Assert.Contains("data-identity-card", firstHtml, StringComparison.Ordinal);
        Assert.Contains(WasmApp.AdminEmail, firstHtml, StringComparison.Ordinal);
        Assert.Contains("data-nav=\"admin\"", firstHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("data-app-loading", firstHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("data-refine-auth-page", firstHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reload_SignedOut_GuardedPageIsRedirectedByTheServerWithoutItsContent()
    {
        await using var session = await fixture.OpenAsync(nameof(Reload_SignedOut_GuardedPageIsRedirectedByTheServerWithoutItsContent), wasm.Hosted);
        var response = await session.Page.APIRequest.GetAsync("/admin", new APIRequestContextOptions { MaxRedirects = 0 });

        Assert.Equal(302, response.Status);
        Assert.EndsWith("/login?to=%2Fadmin", response.Headers["location"], StringComparison.Ordinal);
        Assert.DoesNotContain("data-admin", await response.TextAsync(), StringComparison.Ordinal);
    }

    /// <summary>A page of another site (served by the test at http://attacker.test/) with forms aimed at the proxy and at logout.</summary>
    private async Task<IPage> AttackerPageAsync(BrowserSession session)
    {
        var attacker = await session.Context.NewPageAsync();
        await attacker.RouteAsync("http://attacker.test/**", route => route.FulfillAsync(new RouteFulfillOptions
        {
            ContentType = "text/html",
            Body = $"""
                <form id="api" method="post" action="{wasm.Hosted.BaseUrl}/api/me"><input name="x" value="1"></form>
                <form id="logout" method="post" action="{wasm.Hosted.BaseUrl}/_refine/session/logout"><input name="x" value="1"></form>
                """,
        }));
        await attacker.GotoAsync("http://attacker.test/");
        return attacker;
    }

    /// <summary>Signs in on the static login page (a form post) and waits until the WebAssembly app runs the home page.</summary>
    private static async Task SignInAsync(BrowserSession session, string email, string password)
    {
        await BrowserSession.GotoAsync(session.Page, "/login");
        await session.SubmitLoginAsync(email, password);
        await Expect(session.Page).ToHaveURLAsync(session.Url("/"));
        await Expect(session.Page.Locator("[data-user-name]")).ToHaveTextAsync(email);

        // The home page is a fresh document: wait for the WebAssembly runtime before any click (a bound, not a timing).
        await session.Page.Locator("[data-refine-interactive]").First.WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = 120_000 });
    }

    private static async Task CallApiThroughThePageAsync(BrowserSession session) =>
        Assert.Equal(200, await FetchStatusAsync(session.Page, "/api/me", withHeader: true));

    private static Task<int> FetchStatusAsync(IPage page, string path, bool withHeader) =>
        page.EvaluateAsync<int>(
            "async ([path, withHeader]) => (await fetch(path, { method: 'GET', headers: withHeader ? { 'X-Refine-Session': '1' } : {} })).status",
            new object[] { path, withHeader });
}
