using Microsoft.Playwright;
using RefineSharp.E2E.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace RefineSharp.E2E.Tests.Auth;

[Collection(DemoCollection.Name)]
public sealed class LoginTests(DemoFixture fixture)
{
    [Fact]
    public async Task Login_ValidCredentials_LandsOnDashboardWithIdentityAndRoles()
    {
        await using var session = await fixture.OpenAsync(nameof(Login_ValidCredentials_LandsOnDashboardWithIdentityAndRoles));
        await session.GotoAsync("/login");
        await session.ScreenshotAsync("login-page");

        await session.SubmitLoginAsync(TestUsers.AdminEmail, TestUsers.AdminPassword);

        await Expect(session.Page).ToHaveURLAsync(session.Url("/"));
        var card = session.Page.Locator("[data-identity-card]");
        await Expect(card).ToContainTextAsync(TestUsers.AdminEmail);
        await Expect(session.Page.Locator("[data-roles] li")).ToHaveCountAsync(2);
        await Expect(session.Page.Locator("[data-roles]")).ToContainTextAsync("admin");
        await Expect(session.Page.Locator("[data-roles]")).ToContainTextAsync("editor");
        await Expect(session.Page.Locator("[data-user-name]")).ToBeVisibleAsync();
        await session.ScreenshotAsync("dashboard");
    }

    [Fact]
    public async Task Login_WrongPassword_ShowsLoginErrorToastAndStaysOnLogin()
    {
        var email = await TestUsers.RegisterAsync(fixture.Server, "wrongpw");
        await using var session = await fixture.OpenAsync(nameof(Login_WrongPassword_ShowsLoginErrorToastAndStaysOnLogin));
        await session.GotoAsync("/login");

        await session.SubmitLoginAsync(email, "Wrong-Passw0rd!");

        var toast = session.Page.Locator("[data-notification-key=login-error]");
        await Expect(toast).ToBeVisibleAsync();
        await Expect(toast).ToHaveAttributeAsync("role", "alert");
        await Expect(toast.Locator(".refine-toast-message")).ToHaveTextAsync("Login Error");
        await Expect(session.Page).ToHaveURLAsync(session.Url("/login"));
        await Expect(session.Page.Locator("[data-identity-card], [data-user-name], [data-action=logout], .shell-nav")).ToHaveCountAsync(0);
        await session.ScreenshotAsync("login-error");
    }

    [Fact]
    public async Task Login_EmptyForm_ShowsFieldErrorsWithoutSubmitting()
    {
        await using var session = await fixture.OpenAsync(nameof(Login_EmptyForm_ShowsFieldErrorsWithoutSubmitting));
        await session.GotoAsync("/login");

        await session.Page.Locator("button[type=submit]").ClickAsync();

        await Expect(session.Page.Locator("#email-error")).ToBeVisibleAsync();
        await Expect(session.Page.Locator("#password-error")).ToBeVisibleAsync();
        await Expect(session.Page.Locator("#email")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(session.Page.Locator(".refine-error-summary")).ToBeVisibleAsync();
        await Expect(session.Page.Locator("[data-notification-key]")).ToHaveCountAsync(0);
        await Expect(session.Page).ToHaveURLAsync(session.Url("/login"));
        await session.ScreenshotAsync("field-errors");
    }

    [Fact]
    public async Task Login_MalformedEmail_ShowsEmailErrorWithoutSubmitting()
    {
        await using var session = await fixture.OpenAsync(nameof(Login_MalformedEmail_ShowsEmailErrorWithoutSubmitting));
        await session.GotoAsync("/login");

        await session.SubmitLoginAsync("not-an-email", TestUsers.Password);

        await Expect(session.Page.Locator("#email-error")).ToBeVisibleAsync();
        await Expect(session.Page.Locator("#password-error")).ToHaveCountAsync(0);
        await Expect(session.Page.Locator("[data-notification-key]")).ToHaveCountAsync(0);
        await Expect(session.Page).ToHaveURLAsync(session.Url("/login"));
        await session.ScreenshotAsync("email-error");
    }

    [Fact]
    public async Task Login_WithReturnPath_GoesBackToThatPage()
    {
        await using var session = await fixture.OpenAsync(nameof(Login_WithReturnPath_GoesBackToThatPage));
        await session.GotoAsync("/login?to=%2Fposts");

        await session.SubmitLoginAsync(TestUsers.EditorEmail, TestUsers.EditorPassword);

        await Expect(session.Page).ToHaveURLAsync(session.Url("/posts"));
        await Expect(session.Page.Locator("[data-posts]")).ToBeVisibleAsync();
        await session.ScreenshotAsync("posts");
    }

    // Raw query values: encoded once, twice, and not at all; each must leave the user on the demo's own "/".
    [Theory]
    [InlineData("//evil.example")]
    [InlineData("https://evil.example")]
    [InlineData("%2F%5Cevil.example")]
    [InlineData("javascript:alert(1)")]
    [InlineData("%2F%2Fevil.example")]
    [InlineData("%252F%252Fevil.example")]
    public async Task Login_HostileReturnPath_IsIgnored(string rawTo)
    {
        await using var session = await fixture.OpenAsync(nameof(Login_HostileReturnPath_IsIgnored) + "-" + Slug(rawTo));
        var dialogs = 0;
        session.Page.Dialog += (_, dialog) =>
        {
            Interlocked.Increment(ref dialogs);
            _ = dialog.DismissAsync();
        };
        await session.GotoAsync("/login?to=" + rawTo);

        await session.SubmitLoginAsync(TestUsers.EditorEmail, TestUsers.EditorPassword);

        await Expect(session.Page).ToHaveURLAsync(session.Url("/"));
        await Expect(session.Page.Locator("[data-identity-card]")).ToBeVisibleAsync();
        Assert.StartsWith(session.BaseUrl + "/", session.Page.Url, StringComparison.Ordinal);
        Assert.Equal(0, dialogs);
        await session.ScreenshotAsync("dashboard");
    }

    private static string Slug(string value) => new(value.Select(c => char.IsLetterOrDigit(c) ? c : '_').ToArray());
}
