using RefineSharp.E2E.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace RefineSharp.E2E.Tests.Auth;

[Collection(DemoCollection.Name)]
public sealed class PasswordTests(DemoFixture fixture)
{
    [Fact]
    public async Task ForgotPassword_ResetLinkFromOutbox_SetsNewPassword()
    {
        var email = await TestUsers.RegisterAsync(fixture.Server, "forgot");
        await TestUsers.ConfirmEmailAsync(fixture.Server, email);
        await using var session = await fixture.OpenAsync(nameof(ForgotPassword_ResetLinkFromOutbox_SetsNewPassword));
        await session.GotoAsync("/login");
        await session.Page.Locator("a[data-refine-link=forgot-password]").ClickAsync();
        await Expect(session.Page).ToHaveURLAsync(session.Url("/forgot-password"));
        // Enhanced navigation changes the URL before the new page arrives, and the login page has an #email too: typing
        // before the forgot-password form is in the DOM would fill the page being replaced.
        await Expect(session.Page.Locator("[data-refine-auth-page=forgotPassword]")).ToBeVisibleAsync();
        await session.Page.Locator("#email").FillAsync(email);
        await Expect(session.Page.Locator("#email")).ToHaveValueAsync(email);
        await session.ScreenshotAsync("forgot-page");
        await session.Page.Locator("button[type=submit]").ClickAsync();

        await Expect(session.Page).ToHaveURLAsync(session.Url("/login"));
        await Expect(session.Page.Locator("[data-notification-key=forgot-password-success]")).ToBeVisibleAsync();
        await session.ScreenshotAsync("reset-sent");

        var link = await TestUsers.ResetLinkAsync(fixture.Server, email);
        Assert.StartsWith("/update-password?", link, StringComparison.Ordinal);
        await session.Page.GotoAsync("/dev/outbox");
        await Expect(session.Page.Locator($"a[href='{link}']")).ToBeVisibleAsync();
        await session.ScreenshotAsync("outbox");

        await session.GotoAsync(link);
        await Expect(session.Page.Locator("[data-refine-auth-page=updatePassword]")).ToBeVisibleAsync();
        await session.Page.Locator("#password").FillAsync(TestUsers.NewPassword);
        await session.Page.Locator("#confirmPassword").FillAsync(TestUsers.NewPassword);
        await session.ScreenshotAsync("update-page");
        await session.Page.Locator("button[type=submit]").ClickAsync();

        await Expect(session.Page).ToHaveURLAsync(session.Url("/login"));
        await Expect(session.Page.Locator("[data-notification-key=update-password-success]")).ToBeVisibleAsync();
        await session.ScreenshotAsync("password-reset");

        await session.SubmitLoginAsync(email, TestUsers.Password);
        await Expect(session.Page.Locator("[data-notification-key=login-error]")).ToBeVisibleAsync();
        await Expect(session.Page).ToHaveURLAsync(session.Url("/login"));
        await session.ScreenshotAsync("old-password-refused");

        await session.SubmitLoginAsync(email, TestUsers.NewPassword);
        await Expect(session.Page).ToHaveURLAsync(session.Url("/"));
        await Expect(session.Page.Locator("[data-identity-card]")).ToContainTextAsync(email);
    }

    [Fact]
    public async Task UpdatePassword_SignedInOnAccountPage_NewPasswordWorksAfterLogout()
    {
        var email = await TestUsers.RegisterAsync(fixture.Server, "account");
        await using var session = await fixture.OpenAsync(nameof(UpdatePassword_SignedInOnAccountPage_NewPasswordWorksAfterLogout));
        await session.LoginAsync(email, TestUsers.Password);
        await session.GotoAsync("/account");
        await session.Page.Locator("#currentPassword").FillAsync(TestUsers.Password);
        await session.Page.Locator("#password").FillAsync(TestUsers.NewPassword);
        await session.Page.Locator("#confirmPassword").FillAsync(TestUsers.NewPassword);
        await session.ScreenshotAsync("account-page");

        await session.Page.Locator("button[type=submit]").ClickAsync();

        await Expect(session.Page.Locator("[data-notification-key=update-password-success]")).ToBeVisibleAsync();
        await Expect(session.Page).ToHaveURLAsync(session.Url("/account"));
        await session.ScreenshotAsync("password-changed");

        await session.Page.Locator("[data-action=logout]").ClickAsync();
        await Expect(session.Page).ToHaveURLAsync(session.Url("/login"));
        await session.SubmitLoginAsync(email, TestUsers.Password);
        await Expect(session.Page.Locator("[data-notification-key=login-error]")).ToBeVisibleAsync();

        await session.SubmitLoginAsync(email, TestUsers.NewPassword);
        await Expect(session.Page).ToHaveURLAsync(session.Url("/"));
        await Expect(session.Page.Locator("[data-identity-card]")).ToContainTextAsync(email);
    }
}
