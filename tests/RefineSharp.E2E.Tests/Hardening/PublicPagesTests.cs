using RefineSharp.E2E.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace RefineSharp.E2E.Tests.Hardening;

/// <summary>The not-found and error pages are reachable signed out: no login guard in front of them.</summary>
[Collection(DemoCollection.Name)]
public sealed class PublicPagesTests(DemoFixture fixture)
{
    [Theory]
    [InlineData("/does-not-exist")]
    [InlineData("/posts/does-not-exist")]
    public async Task NotFound_SignedOut_ShowsTheNotFoundPageNotTheLogin(string path)
    {
        await using var session = await fixture.OpenAsync(nameof(NotFound_SignedOut_ShowsTheNotFoundPageNotTheLogin) + path.Replace('/', '-'));

        var response = await session.Page.GotoAsync(path);
        await BrowserSession.WaitInteractiveAsync(session.Page);

        Assert.Equal(404, response!.Status);
        await Expect(session.Page.Locator("[data-not-found]")).ToContainTextAsync("does not exist");
        // Still there once the circuit runs (the guard would send a signed-out visitor to /login here).
        await Expect(session.Page).ToHaveURLAsync(session.Url(path));
        await Expect(session.Page.Locator("[data-refine-auth-page], [data-app-loading]")).ToHaveCountAsync(0);
        await session.ScreenshotAsync("not-found");
    }

    [Fact]
    public async Task ErrorPage_SignedOut_ShowsTheErrorPage()
    {
        await using var session = await fixture.OpenAsync(nameof(ErrorPage_SignedOut_ShowsTheErrorPage));

        await session.GotoAsync("/Error");

        await Expect(session.Page.Locator("[data-error-page]")).ToBeVisibleAsync();
        await Expect(session.Page).ToHaveURLAsync(session.Url("/Error"));
        await Expect(session.Page.Locator("[data-refine-auth-page], [data-app-loading]")).ToHaveCountAsync(0);
    }
}
