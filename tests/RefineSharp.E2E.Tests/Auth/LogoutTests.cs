using RefineSharp.E2E.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace RefineSharp.E2E.Tests.Auth;

[Collection(DemoCollection.Name)]
public sealed class LogoutTests(DemoFixture fixture)
{
    [Fact]
    public async Task Logout_SignedIn_GoesToLoginAndProtectedPagesRedirectAgain()
    {
        await using var session = await fixture.OpenAsync(nameof(Logout_SignedIn_GoesToLoginAndProtectedPagesRedirectAgain));
        await session.LoginAsync(TestUsers.EditorEmail, TestUsers.EditorPassword);

        await session.Page.Locator("[data-action=logout]").ClickAsync();

        await Expect(session.Page).ToHaveURLAsync(session.Url("/login"));
        await Expect(session.Page.Locator("[data-refine-auth-page=login]")).ToBeVisibleAsync();
        await session.ScreenshotAsync("after-logout");

        await session.GotoAsync("/posts");
        await Expect(session.Page).ToHaveURLAsync(session.Url("/login?to=%2Fposts"));
        await Expect(session.Page.Locator("[data-refine-auth-page=login]")).ToBeVisibleAsync();
        await Expect(session.Page.Locator("[data-posts]")).ToHaveCountAsync(0);
        await session.ScreenshotAsync("posts-redirected");
    }

    [Fact]
    public async Task Logout_InOneTab_LogsOutTheOtherTab()
    {
        await using var session = await fixture.OpenAsync(nameof(Logout_InOneTab_LogsOutTheOtherTab));
        var tabA = session.Page;
        await session.LoginAsync(TestUsers.EditorEmail, TestUsers.EditorPassword);
        var tabB = await session.Context.NewPageAsync();
        await BrowserSession.GotoAsync(tabB, "/");
        await Expect(tabB.Locator("[data-identity-card]")).ToBeVisibleAsync();
        await session.ScreenshotAsync(tabB, "tab-b-signed-in");

        await tabA.BringToFrontAsync();
        await tabA.Locator("[data-action=logout]").ClickAsync();

        await Expect(tabA).ToHaveURLAsync(session.Url("/login"));
        await Expect(tabB).ToHaveURLAsync(session.UrlWithAnyQuery("/login"));
        await Expect(tabB.Locator("[data-refine-auth-page=login]")).ToBeVisibleAsync();
        await Expect(tabB.Locator("[data-identity-card]")).ToHaveCountAsync(0);
        await session.ScreenshotAsync(tabB, "tab-b-after-logout");
    }
}
