using System.Diagnostics;
using System.Net;
using Microsoft.Playwright;
using RefineSharp.E2E.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace RefineSharp.E2E.Tests.ScaleOut;

/// <summary>
/// Issue 8, item 8 in a browser: two demo instances on one Redis behind the YARP proxy. The session outlives the
/// instance that holds the circuit, a logout on one instance is seen by the other at once, and a remembered session
/// outlives a restart of both instances.
/// </summary>
public sealed class ScaleOutTests(ScaleOutFixture fixture) : IClassFixture<ScaleOutFixture>
{
    [Fact]
    public async Task SignIn_ThroughTheProxy_KillTheInstanceHoldingTheCircuit_BrowserRecoversOnTheOtherAndIsStillSignedIn()
    {
        await fixture.EnsureAllRunningAsync();
        var email = await fixture.RegisterAsync("scale-kill");
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        var circuits = new CircuitConnections(page);
        var loads = 0;
        page.Load += (_, _) => Interlocked.Increment(ref loads);

        await SignInAsync(page, email, remember: false);
        var holder = await fixture.InstanceHoldingAsync(circuits[circuits.Count - 1]);
        var survivor = 1 - holder;
        var circuitsBefore = circuits.Count;
        var loadsBefore = Volatile.Read(ref loads);

        await fixture.KillInstanceAsync(holder);

        // We do not reload: Blazor's reconnect UI does. Its retries go through the proxy; once the proxy's health checks
        // have taken the dead instance out, a retry reaches the survivor, which does not know the circuit ("rejected"),
        // and the demo's ReconnectModal.razor.js reloads the page, which the proxy sends to the survivor.
        await ReloadedAsync(() => Volatile.Read(ref loads) > loadsBefore, TimeSpan.FromSeconds(90));
        await BrowserSession.WaitForCircuitAsync(page);
        Assert.True(circuits.Count > circuitsBefore);
        Assert.Equal(survivor, await fixture.InstanceHoldingAsync(circuits[circuits.Count - 1]));

        await Expect(page).ToHaveURLAsync(fixture.ProxyUrl + "/");
        await Expect(page.Locator("[data-identity-card]")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-identity-card]")).ToContainTextAsync(email);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Artifact("scaleout-kill-recovered.png"), FullPage = true });

        // Signed in for the server too, not only on the page: a protected page loads through the proxy.
        await page.GotoAsync("/posts");
        await Expect(page).ToHaveURLAsync(fixture.ProxyUrl + "/posts");
        await Expect(page.Locator("[data-posts]")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Logout_OnOneInstance_IsHonouredByTheOtherAtOnce()
    {
        await fixture.EnsureAllRunningAsync();
        var email = await fixture.RegisterAsync("scale-logout");
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        var circuits = new CircuitConnections(page);

        await SignInAsync(page, email, remember: false);
        var holder = await fixture.InstanceHoldingAsync(circuits[circuits.Count - 1]);
        var other = fixture.InstanceUrl(1 - holder);
        var cookie = Assert.Single(await context.CookiesAsync(), c => c.Name == ".refine.session");

        // Before the logout the copied cookie works on the other instance directly (so the refusal below is the logout's doing).
        var (before, beforeLocation, beforeBody) = await GetPostsDirectlyAsync(other, cookie.Value);
        Assert.Equal(HttpStatusCode.OK, before);
        Assert.Null(beforeLocation);
        Assert.Contains("data-posts", beforeBody, StringComparison.Ordinal);

        await page.Locator("[data-action=logout]").ClickAsync();
        await Expect(page).ToHaveURLAsync(fixture.ProxyUrl + "/login");

        // At once: the very next request, no waiting for a cache or a token to expire.
        var (after, afterLocation, afterBody) = await GetPostsDirectlyAsync(other, cookie.Value);
        Assert.Equal(HttpStatusCode.Redirect, after);
        Assert.EndsWith("/login?to=%2Fposts", afterLocation?.OriginalString, StringComparison.Ordinal);
        Assert.DoesNotContain("data-posts", afterBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BothInstancesRestarted_RememberedSessionSurvives()
    {
        await fixture.EnsureAllRunningAsync();
        var email = await fixture.RegisterAsync("scale-restart");
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();

        await SignInAsync(page, email, remember: true);
        var cookie = Assert.Single(await context.CookiesAsync(), c => c.Name == ".refine.session");
        Assert.True(cookie.Expires > 0, "Remember me should give a persistent cookie.");

        // The tab is closed first, so its reconnect loop does not reload the page behind the test's back while both are down.
        await page.CloseAsync();
        await fixture.KillInstanceAsync(0);
        await fixture.KillInstanceAsync(1);
        await fixture.EnsureAllRunningAsync();

        var again = await context.NewPageAsync();
        await again.GotoAsync("/");
        await Expect(again).ToHaveURLAsync(fixture.ProxyUrl + "/");
        await Expect(again.Locator("[data-identity-card]")).ToContainTextAsync(email);
        await again.GotoAsync("/posts");
        await Expect(again).ToHaveURLAsync(fixture.ProxyUrl + "/posts");
        await Expect(again.Locator("[data-posts]")).ToBeVisibleAsync();
        await again.ScreenshotAsync(new PageScreenshotOptions { Path = Artifact("scaleout-restart-still-signed-in.png"), FullPage = true });
    }

    private async Task SignInAsync(IPage page, string email, bool remember)
    {
        await BrowserSession.GotoAsync(page, "/login");
        await page.Locator("#email").FillAsync(email);
        await page.Locator("#password").FillAsync(TestUsers.Password);
        if (remember)
        {
            await page.Locator("#remember").CheckAsync();
        }

        var console = new List<string>();
        page.Console += (_, message) =>
        {
            lock (console)
            {
                console.Add(message.Text);
            }
        };
        await page.Locator("button[type=submit]").ClickAsync();
        try
        {
            await Expect(page).ToHaveURLAsync(fixture.ProxyUrl + "/");
        }
        catch (PlaywrightException e)
        {
            // The redirect after sign-in must stay on the proxy: Chromium does not follow a form's redirect to another
            // origin (the demo's CSP says form-action 'self') and says so on the console (naming the form's URL, not the
            // redirect's). The proxy must hand the instances the browser's Host, or Blazor redirects to the instance.
            string said;
            lock (console)
            {
                said = string.Join("\n", console);
            }

            throw new InvalidOperationException($"Signing in through the proxy did not reach the dashboard. Browser console:\n{said}", e);
        }

        await Expect(page.Locator("[data-identity-card]")).ToBeVisibleAsync();
        await BrowserSession.WaitForCircuitAsync(page);
    }

    /// <summary>GET /posts on an instance directly (not through the proxy), with only the session cookie, redirects not followed.</summary>
    private static async Task<(HttpStatusCode Status, Uri? Location, string Body)> GetPostsDirectlyAsync(string instanceUrl, string sessionCookie)
    {
        using var handler = new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false };
        using var http = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(60) };
        using var request = new HttpRequestMessage(HttpMethod.Get, instanceUrl + "/posts");
        request.Headers.Add("Cookie", ".refine.session=" + sessionCookie);
        using var response = await http.SendAsync(request);
        return (response.StatusCode, response.Headers.Location, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Waits (bounded, not timed) until the reconnect UI has reloaded the page.</summary>
    private static async Task ReloadedAsync(Func<bool> reloaded, TimeSpan bound)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < bound)
        {
            if (reloaded())
            {
                return;
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"The reconnect UI did not reload the page within {bound.TotalSeconds} s after the instance was killed.");
    }

    private static string Artifact(string file) => Path.Combine(RepositoryPaths.Artifacts, file);
}
