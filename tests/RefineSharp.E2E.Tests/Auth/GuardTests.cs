using RefineSharp.E2E.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace RefineSharp.E2E.Tests.Auth;

[Collection(DemoCollection.Name)]
public sealed class GuardTests(DemoFixture fixture)
{
    // Records, from the first byte of every document, whether the login form was ever put into the DOM.
    private const string LoginFormWatcher = """
        window.__loginFormSeen = false;
        new MutationObserver(() => {
          if (!window.__loginFormSeen && document.querySelector('[data-refine-auth-page=login], #password')) {
            window.__loginFormSeen = true;
          }
        }).observe(document, { childList: true, subtree: true, attributes: true });
        """;

    [Fact]
    public async Task ProtectedPage_SignedOut_RedirectsToLoginWithReturnPath()
    {
        await using var session = await fixture.OpenAsync(nameof(ProtectedPage_SignedOut_RedirectsToLoginWithReturnPath));

        await session.GotoAsync("/posts");

        await Expect(session.Page).ToHaveURLAsync(session.Url("/login?to=%2Fposts"));
        await Expect(session.Page.Locator("[data-refine-auth-page=login]")).ToBeVisibleAsync();
        await Expect(session.Page.Locator("#email")).ToBeVisibleAsync();
        await Expect(session.Page.Locator("[data-posts], [data-posts-error]")).ToHaveCountAsync(0);
        await session.ScreenshotAsync("login-with-return-path");
    }

    [Fact]
    public async Task AdminPage_Editor_HidesNavLinkAndDeniesAccess()
    {
        await using var session = await fixture.OpenAsync(nameof(AdminPage_Editor_HidesNavLinkAndDeniesAccess));
        await session.LoginAsync(TestUsers.EditorEmail, TestUsers.EditorPassword);
        await Expect(session.Page.Locator("[data-roles]")).ToContainTextAsync("editor");

        await session.GotoAsync("/admin");

        await Expect(session.Page.Locator("[data-access-denied]")).ToBeVisibleAsync();
        await Expect(session.Page.Locator("[data-admin-stats]")).ToHaveCountAsync(0);
        // The denial proves the roles are known, so a missing link now is a hidden link, not a late one.
        await Expect(session.Page.Locator("[data-nav=admin]")).ToHaveCountAsync(0);
        await Expect(session.Page).ToHaveURLAsync(session.Url("/admin"));
        await session.ScreenshotAsync("access-denied");
    }

    [Fact]
    public async Task AdminPage_Admin_ShowsNavLinkAndStats()
    {
        await using var session = await fixture.OpenAsync(nameof(AdminPage_Admin_ShowsNavLinkAndStats));
        await session.LoginAsync(TestUsers.AdminEmail, TestUsers.AdminPassword);

        await session.Page.Locator("[data-nav=admin]").ClickAsync();

        await Expect(session.Page).ToHaveURLAsync(session.Url("/admin"));
        await Expect(session.Page.Locator("[data-admin-stats]")).ToBeVisibleAsync();
        await Expect(session.Page.Locator("[data-access-denied]")).ToHaveCountAsync(0);
        await session.ScreenshotAsync("admin-stats");
    }

    [Fact]
    public async Task Reload_SignedInOnPosts_KeepsSessionWithoutShowingLogin()
    {
        await using var session = await fixture.OpenAsync(nameof(Reload_SignedInOnPosts_KeepsSessionWithoutShowingLogin));
        await session.LoginAsync(TestUsers.EditorEmail, TestUsers.EditorPassword);
        await session.Page.Locator(".shell-nav a[href='/posts']").ClickAsync();
        await Expect(session.Page.Locator("[data-posts]")).ToBeVisibleAsync();
        await session.Page.AddInitScriptAsync(LoginFormWatcher);
        var visited = new List<string>();
        session.Page.FrameNavigated += (_, frame) =>
        {
            if (frame == session.Page.MainFrame)
            {
                lock (visited)
                {
                    visited.Add(frame.Url);
                }
            }
        };

        await session.Page.ReloadAsync();
        await BrowserSession.WaitInteractiveAsync(session.Page);

        await Expect(session.Page.Locator("[data-posts]")).ToBeVisibleAsync();
        await Expect(session.Page).ToHaveURLAsync(session.Url("/posts"));
        // Strictly false: undefined would mean the watcher never ran.
        Assert.True(await session.Page.EvaluateAsync<bool>("() => window.__loginFormSeen === false"));
        lock (visited)
        {
            Assert.NotEmpty(visited);
            Assert.DoesNotContain(visited, url => new Uri(url).AbsolutePath.StartsWith("/login", StringComparison.Ordinal));
        }

        await session.ScreenshotAsync("after-reload");
    }
}
