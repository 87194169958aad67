using Microsoft.Playwright;
using RefineSharp.E2E.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace RefineSharp.E2E.Tests.Wasm;

/// <summary>
/// The hosted WebAssembly sample runs under its own Content-Security-Policy (scripts: this origin, the response's
/// nonce and 'wasm-unsafe-eval'; no 'unsafe-inline', no 'unsafe-eval'): the runtime starts, signs in, calls the API
/// through the host and reloads with no violation, and the sign-in page cannot be framed by another site.
/// </summary>
[Collection(DemoCollection.Name)]
public sealed class WasmCspTests(DemoFixture fixture, WasmDemoFixture wasm)
{
    [Fact]
    public async Task Csp_SignInRunTheRuntimeCallTheApiAndReload_NoViolation()
    {
        await using var session = await BrowserSession.OpenAsync(fixture.Browser, wasm.Hosted, nameof(Csp_SignInRunTheRuntimeCallTheApiAndReload_NoViolation));
        var violations = await CspViolations.WatchAsync(session.Context);

        var login = await session.Page.GotoAsync("/login");
        var csp = await login!.HeaderValueAsync("content-security-policy");
        Assert.NotNull(csp);
        Assert.Matches("script-src 'self' 'nonce-[0-9A-F]{32}' 'wasm-unsafe-eval';", csp);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Equal("DENY", await login.HeaderValueAsync("x-frame-options"));

        await session.SubmitLoginAsync(WasmApp.AdminEmail, WasmApp.AdminPassword);
        await Expect(session.Page).ToHaveURLAsync(session.Url("/"));
        // The runtime compiled and ran under the policy: the page became interactive in WebAssembly.
        await session.Page.Locator("[data-refine-interactive]").First.WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = 120_000 });
        await Expect(session.Page.Locator("[data-renderer]")).ToHaveTextAsync("WebAssembly");

        await session.Page.Locator("[data-link=api-call]").ClickAsync();
        await session.Page.Locator("[data-action=call-api]").ClickAsync();
        await Expect(session.Page.Locator("[data-api-email]")).ToHaveTextAsync(WasmApp.AdminEmail);

        await session.Page.ReloadAsync();
        await session.Page.Locator("[data-refine-interactive]").First.WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = 120_000 });

        await violations.AssertNoneAsync(session.Page, "signed in, API called, reloaded");
    }

    [Fact]
    public async Task Framing_SignInPageInAnotherSitesFrame_IsRefused()
    {
        await using var attacker = AttackerSite.Start();
        await using var context = await fixture.Browser.NewContextAsync();
        var page = await context.NewPageAsync();

        // Control: a page without a framing rule renders in the other site's frame, so a refusal below is the app's.
        await page.GotoAsync(attacker.FramePage(attacker.FrameablePage), new() { WaitUntil = WaitUntilState.Load });
        Assert.Equal(1, await EmailInputsInFramesAsync(page));

        // The page's load event waits for its frames, so the frame has either rendered the answer or refused it.
        await page.GotoAsync(attacker.FramePage(wasm.Hosted.BaseUrl + "/login"), new() { WaitUntil = WaitUntilState.Load });
        Assert.Equal(0, await EmailInputsInFramesAsync(page));
    }

    private static async Task<int> EmailInputsInFramesAsync(IPage page)
    {
        var count = 0;
        foreach (var frame in page.Frames.Where(f => f != page.MainFrame))
        {
            count += await frame.Locator("#email").CountAsync();
        }

        return count;
    }
}
