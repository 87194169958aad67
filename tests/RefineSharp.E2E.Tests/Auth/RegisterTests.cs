using RefineSharp.E2E.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace RefineSharp.E2E.Tests.Auth;

[Collection(DemoCollection.Name)]
public sealed class RegisterTests(DemoFixture fixture)
{
    [Fact]
    public async Task Register_NewEmail_SignsInAndCanLogInAgain()
    {
        var email = TestUsers.UniqueEmail("register");
        await using var session = await fixture.OpenAsync(nameof(Register_NewEmail_SignsInAndCanLogInAgain));
        await session.GotoAsync("/login");
        await session.Page.Locator("a[data-refine-link=register]").ClickAsync();
        await Expect(session.Page).ToHaveURLAsync(session.Url("/register"));
        await Expect(session.Page.Locator("[data-refine-auth-page=register]")).ToBeVisibleAsync();
        await session.ScreenshotAsync("register-page");

        await session.SubmitLoginAsync(email, TestUsers.Password);

        await Expect(session.Page).ToHaveURLAsync(session.Url("/"));
        await Expect(session.Page.Locator("[data-identity-card]")).ToContainTextAsync(email);
        await session.ScreenshotAsync("registered");
        await BrowserSession.WaitForCircuitAsync(session.Page);

        await session.Page.Locator("[data-action=logout]").ClickAsync();
        await Expect(session.Page).ToHaveURLAsync(session.Url("/login"));
        await session.SubmitLoginAsync(email, TestUsers.Password);

        await Expect(session.Page).ToHaveURLAsync(session.Url("/"));
        await Expect(session.Page.Locator("[data-identity-card]")).ToContainTextAsync(email);
        await session.ScreenshotAsync("logged-in-again");
    }
}
