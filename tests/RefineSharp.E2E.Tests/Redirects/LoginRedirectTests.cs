using System.Collections.Concurrent;
using Microsoft.Playwright;
using RefineSharp.E2E.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace RefineSharp.E2E.Tests.Redirects;

/// <summary>
/// Hostile <c>?to=</c> values at sign-in, against the running demo, driven as a person would (type, click): no script
/// runs (dialog counter), no request and no top-level navigation leaves the app's origin, and the user lands on an app
/// page. The other redirect sources are covered at engine and navigator level (RedirectSourcesTests,
/// NavigationManagerNavigatorTests) and by <see cref="RedirectOracleTests"/>.
/// </summary>
[Collection(DemoCollection.Name)]
public sealed class LoginRedirectTests(DemoFixture fixture)
{
    // Values as the app receives them (the test escapes them into the query), from issue 7 and beyond.
    private static readonly string[] HostileValues =
    [
        "/javascript:alert(document.domain)",
        "/https:evil.example",
        "/%2F%2Fevil.example",
        "/\t/evil.example",
        "/%5Cevil.example",
        "/javascript%3Aalert(1)",
        "//evil.example",
        "/\\evil.example",
        "/\\\\evil.example",
        "/ /evil.example",
        "/JaVa\tScRiPt:alert(document.domain)",
        "/data:text/html,<script>alert(1)</script>",
        "/\uFF0F\uFF0Fevil.example",
        "/https\uFF1Aevil.example",
        "/../../evil.example",
        "/%2e%2e/%2e%2e/evil.example",
        "https://evil.example",
    ];

    public static TheoryData<string> EscapedHostile => [.. HostileValues.Select(v => "/login?to=" + Uri.EscapeDataString(v))];

    // Raw query strings as an attacker would paste them into a link (the browser itself strips tabs and escapes spaces).
    public static TheoryData<string> RawHostile =>
    [
        "/login?to=/javascript:alert(document.domain)",
        "/login?to=/https:evil.example",
        "/login?to=/%2F%2Fevil.example",
        "/login?to=/\t/evil.example",
        "/login?to=/%5Cevil.example",
        "/login?to=/javascript%3Aalert(1)",
        "/login?to=//evil.example",
        "/login?to=/\\evil.example",
        "/login?to=/%252F%252Fevil.example",
        "/login#?to=//evil.example",
        "/login#x?to=/javascript:alert(document.domain)",
    ];

    [Theory]
    [MemberData(nameof(EscapedHostile))]
    [MemberData(nameof(RawHostile))]
    public async Task Login_HostileReturnPath_LandsOnTheDashboardWithoutScriptOrForeignOrigin(string start)
    {
        await using var session = await fixture.OpenAsync(nameof(Login_HostileReturnPath_LandsOnTheDashboardWithoutScriptOrForeignOrigin) + "-" + Slug(start));
        var watch = await WatchAsync(session);

        await session.GotoAsync(start);
        await session.SubmitLoginAsync(TestUsers.EditorEmail, TestUsers.EditorPassword);

        await Expect(session.Page).ToHaveURLAsync(session.Url("/"));
        await Expect(session.Page.Locator("[data-identity-card]")).ToBeVisibleAsync();
        watch.AssertClean(session);
    }

    // The guard's source: a protected page carrying a hostile "to" sends the user to sign in with a local return path.
    [Fact]
    public async Task Login_FromProtectedPageWithHostileTo_ReturnsToThatPageOnTheAppOrigin()
    {
        await using var session = await fixture.OpenAsync(nameof(Login_FromProtectedPageWithHostileTo_ReturnsToThatPageOnTheAppOrigin));
        var watch = await WatchAsync(session);

        await session.GotoAsync("/posts?to=" + Uri.EscapeDataString("/javascript:alert(document.domain)"));
        await Expect(session.Page).ToHaveURLAsync(session.UrlWithAnyQuery("/login"));
        await SessionWaitInteractiveAsync(session);
        await session.SubmitLoginAsync(TestUsers.EditorEmail, TestUsers.EditorPassword);

        await Expect(session.Page).ToHaveURLAsync(session.UrlWithAnyQuery("/posts"));
        await Expect(session.Page.Locator("[data-posts]")).ToBeVisibleAsync();
        watch.AssertClean(session);
    }

    [Fact]
    public async Task Login_LocalReturnPath_IsStillFollowed()
    {
        await using var session = await fixture.OpenAsync(nameof(Login_LocalReturnPath_IsStillFollowed));
        var watch = await WatchAsync(session);

        await session.GotoAsync("/login?to=" + Uri.EscapeDataString("/posts?page=1&q=a%20b"));
        await session.SubmitLoginAsync(TestUsers.EditorEmail, TestUsers.EditorPassword);

        // A string URL is a glob for Playwright ("?" is a wildcard), so the exact URL is compared after the page shows.
        await Expect(session.Page).ToHaveURLAsync(session.UrlWithAnyQuery("/posts"));
        await Expect(session.Page.Locator("[data-posts]")).ToBeVisibleAsync();
        Assert.Equal(session.Url("/posts?page=1&q=a%20b"), session.Page.Url);
        watch.AssertClean(session);
    }

    private static Task SessionWaitInteractiveAsync(BrowserSession session) => BrowserSession.WaitInteractiveAsync(session.Page);

    // Counts dialogs (dismissing them), and records every request and main-frame URL that is not on the demo's origin;
    // foreign requests are aborted so that nothing leaves the machine.
    private static async Task<Watch> WatchAsync(BrowserSession session)
    {
        var watch = new Watch();
        session.Page.Dialog += (_, dialog) =>
        {
            Interlocked.Increment(ref watch.Dialogs);
            _ = dialog.DismissAsync();
        };
        session.Page.FrameNavigated += (_, frame) =>
        {
            if (frame == session.Page.MainFrame && !IsOnOrigin(session, frame.Url))
            {
                watch.Foreign.Enqueue("navigated " + frame.Url);
            }
        };
        await session.Context.RouteAsync("**/*", async route =>
        {
            if (IsOnOrigin(session, route.Request.Url))
            {
                await route.ContinueAsync();
            }
            else
            {
                watch.Foreign.Enqueue("requested " + route.Request.Url);
                await route.AbortAsync();
            }
        });
        return watch;
    }

    private static bool IsOnOrigin(BrowserSession session, string url) =>
        url.StartsWith(session.BaseUrl + "/", StringComparison.Ordinal) || url == "about:blank";

    // Screenshot and log names: readable, plus a hash so that values differing only in punctuation do not share a file.
    private static string Slug(string value)
    {
        var hash = 2166136261u;
        foreach (var c in value)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return new string(value.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_').Take(50).ToArray()) + "-" + hash.ToString("x8", System.Globalization.CultureInfo.InvariantCulture);
    }

    private sealed class Watch
    {
        public int Dialogs;

        public ConcurrentQueue<string> Foreign { get; } = new();

        public void AssertClean(BrowserSession session)
        {
            Assert.Equal(0, Volatile.Read(ref Dialogs));
            Assert.Empty(Foreign);
            Assert.StartsWith(session.BaseUrl + "/", session.Page.Url, StringComparison.Ordinal);
        }
    }
}
