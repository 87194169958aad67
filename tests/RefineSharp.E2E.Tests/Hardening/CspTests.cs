using Microsoft.Playwright;
using RefineSharp.E2E.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace RefineSharp.E2E.Tests.Hardening;

/// <summary>The demo passes its own Content-Security-Policy: signed in, navigating and reloading raise no violation.</summary>
[Collection(DemoCollection.Name)]
public sealed class CspTests(DemoFixture fixture)
{
    // Runs first in every document: keeps each securitypolicyviolation event of this document.
    private const string ViolationRecorder = """
        window.__cspViolations = [];
        document.addEventListener('securitypolicyviolation', e => {
          window.__cspViolations.push(e.violatedDirective + ' ' + (e.blockedURI || 'inline') + ' ' + (e.sourceFile || '') + ':' + e.lineNumber);
        });
        """;

    /// <summary>Records the violations of every document and the browser's own CSP console errors.</summary>
    private static async Task<List<string>> WatchAsync(BrowserSession session)
    {
        var console = new List<string>();
        session.Context.Console += (_, message) =>
        {
            if (message.Type == "error" && message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                lock (console)
                {
                    console.Add(message.Text);
                }
            }
        };
        await session.Context.AddInitScriptAsync(ViolationRecorder);
        return console;
    }

    private static async Task AssertNoViolationsAsync(IPage page, List<string> console, string step)
    {
        var violations = await page.EvaluateAsync<string[]?>("() => window.__cspViolations ?? null");
        Assert.True(violations is not null, $"{step}: the violation recorder did not run");
        Assert.True(violations.Length == 0, $"{step}: " + string.Join(" | ", violations));
        lock (console)
        {
            Assert.True(console.Count == 0, $"{step}: " + string.Join(" | ", console));
        }
    }

    [Fact]
    public async Task Csp_SignInNavigateAndReload_NoViolationAndTheAppWorks()
    {
        await using var session = await fixture.OpenAsync(nameof(Csp_SignInNavigateAndReload_NoViolationAndTheAppWorks));
        var console = await WatchAsync(session);

        var login = await session.Page.GotoAsync("/login");
        // The header is there: zero violations below mean the policy held, not that there was none.
        var csp = await login!.HeaderValueAsync("content-security-policy");
        Assert.NotNull(csp);
        Assert.Contains("script-src 'self' 'nonce-", csp, StringComparison.Ordinal);
        await BrowserSession.WaitInteractiveAsync(session.Page);
        await AssertNoViolationsAsync(session.Page, console, "login page");

        await session.SubmitLoginAsync(TestUsers.AdminEmail, TestUsers.AdminPassword);
        await Expect(session.Page).ToHaveURLAsync(session.Url("/"));
        await Expect(session.Page.Locator("[data-identity-card]")).ToBeVisibleAsync();

        // The sign-in page posts and the dashboard is a fresh page load: wait for its circuit before clicking around.
        await BrowserSession.WaitForCircuitAsync(session.Page);
        await AssertNoViolationsAsync(session.Page, console, "dashboard");

        await session.Page.Locator(".shell-nav a[href='/posts']").ClickAsync();
        await Expect(session.Page.Locator("[data-posts]")).ToBeVisibleAsync();
        await session.Page.Locator("[data-nav=admin]").ClickAsync();
        await Expect(session.Page.Locator("[data-admin-stats]")).ToBeVisibleAsync();
        await AssertNoViolationsAsync(session.Page, console, "posts and admin");

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

        await AssertNoViolationsAsync(session.Page, console, "after reload");
        await Expect(session.Page.Locator("#blazor-error-ui")).ToBeHiddenAsync();
        await session.ScreenshotAsync("admin-after-reload");
    }

    [Fact]
    public async Task Csp_InjectedInlineScript_IsBlockedAndReported()
    {
        // The attack the policy is for, and the proof that the recorder above would see a violation.
        await using var session = await fixture.OpenAsync(nameof(Csp_InjectedInlineScript_IsBlockedAndReported));
        var console = await WatchAsync(session);
        await session.GotoAsync("/login");

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
        var violations = await session.Page.EvaluateAsync<string[]>("() => window.__cspViolations");
        Assert.All(violations, v => Assert.StartsWith("script-src", v, StringComparison.Ordinal));
    }
}
