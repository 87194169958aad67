using RefineSharp.E2E.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace RefineSharp.E2E.Tests.Wasm;

/// <summary>The guarded layout, AuthorizeView and the redirects, with every component running in WebAssembly.</summary>
[Collection(DemoCollection.Name)]
public sealed class WasmGuardTests(DemoFixture fixture, WasmDemoFixture wasm)
{
    [Fact]
    public async Task Root_SignedOut_ShowsOnlyLoadingUntilInteractiveThenLoginWithoutReturnPath()
    {
        await using var session = await fixture.OpenAsync(nameof(Root_SignedOut_ShowsOnlyLoadingUntilInteractiveThenLoginWithoutReturnPath), wasm.Server);
        await session.Page.AddInitScriptAsync(WasmApp.BeforeInteractiveWatcher);

        var response = await WasmApp.GotoAsync(session, "/");

        await Expect(session.Page).ToHaveURLAsync(session.Url("/login"));
        await Expect(session.Page.Locator("[data-refine-auth-page=login] #email")).ToBeVisibleAsync();
        await AssertOnlyLoadingBeforeInteractiveAsync(session, response);
        await session.ScreenshotAsync("login");
    }

    [Fact]
    public async Task ProtectedPage_SignedOut_RedirectsWithReturnPathAndComesBackAfterAdminSignIn()
    {
        await using var session = await fixture.OpenAsync(nameof(ProtectedPage_SignedOut_RedirectsWithReturnPathAndComesBackAfterAdminSignIn), wasm.Server);
        await session.Page.AddInitScriptAsync(WasmApp.BeforeInteractiveWatcher);

        var response = await WasmApp.GotoAsync(session, "/admin");

        await Expect(session.Page).ToHaveURLAsync(session.Url("/login?to=%2Fadmin"));
        await Expect(session.Page.Locator("[data-refine-auth-page=login] #email")).ToBeVisibleAsync();
        await AssertOnlyLoadingBeforeInteractiveAsync(session, response);
        await session.ScreenshotAsync("login-with-return-path");

        await session.SubmitLoginAsync(WasmApp.AdminEmail, WasmApp.AdminPassword);

        await Expect(session.Page).ToHaveURLAsync(session.Url("/admin"));
        await Expect(session.Page.Locator("[data-admin]")).ToBeVisibleAsync();
        await Expect(session.Page.Locator("[data-access-denied]")).ToHaveCountAsync(0);
        await Expect(session.Page.Locator("[data-user-name]")).ToHaveTextAsync(WasmApp.AdminName);
        await Expect(session.Page.Locator("[data-nav=admin]")).ToBeVisibleAsync();
        await session.ScreenshotAsync("admin");
    }

    [Fact]
    public async Task AdminPage_Viewer_HidesNavLinkAndDeniesAccess()
    {
        await using var session = await fixture.OpenAsync(nameof(AdminPage_Viewer_HidesNavLinkAndDeniesAccess), wasm.Server);
        await WasmApp.LoginAsync(session, WasmApp.ViewerEmail, WasmApp.ViewerPassword, WasmApp.ViewerName);
        await Expect(session.Page.Locator("[data-roles]")).ToHaveTextAsync("viewer");

        // A link, not page.GotoAsync: a new document would start a new browser app, and with it a new session.
        await session.Page.Locator("a[data-link=admin]").ClickAsync();

        await Expect(session.Page).ToHaveURLAsync(session.Url("/admin"));
        await Expect(session.Page.Locator("[data-access-denied]")).ToBeVisibleAsync();
        await Expect(session.Page.Locator("[data-admin]")).ToHaveCountAsync(0);
        // The denial proves the roles are known, so a missing link now is a hidden link, not a late one.
        await Expect(session.Page.Locator("[data-nav=admin]")).ToHaveCountAsync(0);
        await session.ScreenshotAsync("access-denied");
    }

    private static async Task AssertOnlyLoadingBeforeInteractiveAsync(BrowserSession session, Microsoft.Playwright.IResponse? response)
    {
        // The prerendered document itself: the guard's Loading slot, nothing else of the app.
        Assert.NotNull(response);
        var html = await response.TextAsync();
        Assert.Contains("data-app-loading", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-refine-auth-page", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-user-name", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-refine-interactive", html, StringComparison.Ordinal);

        // And what the browser showed until WebAssembly ran (the login page after that is expected).
        Assert.True(await session.Page.EvaluateAsync<bool>("() => window.__beforeInteractive.interactive === true"));
        Assert.True(await session.Page.EvaluateAsync<bool>("() => window.__beforeInteractive.loading === true"));
        Assert.Empty(await session.Page.EvaluateAsync<string[]>("() => window.__beforeInteractive.leaked"));
    }
}
