using Microsoft.Playwright;
using RefineSharp.E2E.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace RefineSharp.E2E.Tests.Hardening;

/// <summary>The demo passes its own Content-Security-Policy: signed in, navigating and reloading raise no violation.</summary>
[Collection(DemoCollection.Name)]
public sealed class CspTests(DemoFixture fixture)
{
    [Fact]
    public async Task Csp_SignInNavigateAndReload_NoViolationAndTheAppWorks()
    {
        await using var session = await fixture.OpenAsync(nameof(Csp_SignInNavigateAndReload_NoViolationAndTheAppWorks));
        var csp = await CspViolations.WatchAsync(session.Context);

        var login = await session.Page.GotoAsync("/login");
        // The header is there: zero violations below mean the policy held, not that there was none.
        var policy = await login!.HeaderValueAsync("content-security-policy");
        Assert.NotNull(policy);
        Assert.Contains("script-src 'self' 'nonce-", policy, StringComparison.Ordinal);
        await BrowserSession.WaitInteractiveAsync(session.Page);
        await csp.AssertNoneAsync(session.Page, "login page");

        await session.SubmitLoginAsync(TestUsers.AdminEmail, TestUsers.AdminPassword);
        await Expect(session.Page).ToHaveURLAsync(session.Url("/"));
        await Expect(session.Page.Locator("[data-identity-card]")).ToBeVisibleAsync();

        // The sign-in page posts and the dashboard is a fresh page load: wait for its circuit before clicking around.
        await BrowserSession.WaitForCircuitAsync(session.Page);
        await csp.AssertNoneAsync(session.Page, "dashboard");

        await session.Page.Locator(".shell-nav a[href='/posts']").ClickAsync();
        await Expect(session.Page.Locator("[data-posts]")).ToBeVisibleAsync();
        await session.Page.Locator("[data-nav=admin]").ClickAsync();
        await Expect(session.Page.Locator("[data-admin-stats]")).ToBeVisibleAsync();
        await csp.AssertNoneAsync(session.Page, "posts and admin");

        await session.Page.ReloadAsync();
        await BrowserSession.WaitInteractiveAsync(session.Page);
        await Expect(session.Page.Locator("[data-admin-stats]")).ToBeVisibleAsync();
        await Expect(session.Page.Locator("[data-user-name]")).ToContainTextAsync(TestUsers.AdminEmail);

        // The reconnect modal's module (a script file) ran: it opens and closes the dialog on Blazor's events.
        var dialog = session.Page.Locator("#components-reconnect-modal");
        await session.Page.EvaluateAsync("() => document.getElementById('components-reconnect-modal').dispatchEvent(new CustomEvent('components-reconnect-state-changed', { detail: { state: 'show' } }))");
        await Expect(dialog).ToBeVisibleAsync();
        await session.Page.EvaluateAsync("() => document.getElementById('components-reconnect-modal').dispatchEvent(new CustomEvent('components-reconnect-state-changed', { detail: { state: 'hide' } }))");
        await Expect(dialog).ToBeHiddenAsync();

        await csp.AssertNoneAsync(session.Page, "after reload");
        await Expect(session.Page.Locator("#blazor-error-ui")).ToBeHiddenAsync();
        await session.ScreenshotAsync("admin-after-reload");
    }

    [Fact]
    public async Task Csp_InjectedInlineScript_IsBlockedAndReported()
    {
        // The attack the policy is for, and the proof that the recorder above would see a violation.
        await using var session = await fixture.OpenAsync(nameof(Csp_InjectedInlineScript_IsBlockedAndReported));
        var csp = await CspViolations.WatchAsync(session.Context);
        await session.GotoAsync("/login");
        await csp.AssertNoneAsync(session.Page, "before the injection");

        await session.Page.EvaluateAsync("""
            () => {
              const script = document.createElement('script');
              script.textContent = 'window.__injectedRan = true;';
              document.body.appendChild(script);
              const handler = document.createElement('img');
              handler.setAttribute('onerror', 'window.__handlerRan = true');
              handler.src = 'data:,not-an-image';
              document.body.appendChild(handler);
            }
            """);

        await Expect(session.Page.Locator("body")).ToBeVisibleAsync();
        await session.Page.WaitForFunctionAsync("() => window.__cspViolations.length >= 2");
        Assert.False(await session.Page.EvaluateAsync<bool>("() => window.__injectedRan === true || window.__handlerRan === true"));
        var violations = await CspViolations.InPageAsync(session.Page);
        Assert.NotNull(violations);
        Assert.All(violations, v => Assert.StartsWith("script-src", v, StringComparison.Ordinal));
    }
}
