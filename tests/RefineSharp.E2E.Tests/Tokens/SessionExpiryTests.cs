using RefineSharp.E2E.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace RefineSharp.E2E.Tests.Tokens;

/// <summary>A server whose access tokens live 2 s and are used until they expire (no early refresh).</summary>
public sealed class ShortTokenServerFixture() : OwnServerFixture(new Dictionary<string, string>
{
    ["Demo__AccessTokenLifetime"] = "00:00:02",
    ["Demo__TokenRefreshSkew"] = "00:00:00",
    ["Logging__LogLevel__RefineSharp"] = "Debug",
    ["Logging__LogLevel__Microsoft.AspNetCore.Hosting.Diagnostics"] = "Information",
});

[Collection(DemoCollection.Name)]
public sealed class SessionExpiryTests(DemoFixture fixture, ShortTokenServerFixture own) : IClassFixture<ShortTokenServerFixture>
{
    [Fact]
    public async Task ExpiredSession_RefreshRevoked_EndsSessionAndReturnsAfterLogin()
    {
        var server = own.Server;
        var email = await TestUsers.RegisterAsync(server, "expiry");
        await using var session = await fixture.OpenAsync(nameof(ExpiredSession_RefreshRevoked_EndsSessionAndReturnsAfterLogin), server);
        await session.LoginAsync(email, TestUsers.Password);

        // A password change renews the security stamp, so the browser's refresh token is refused from now on.
        await TestUsers.ChangePasswordAsync(server, email, TestUsers.Password, TestUsers.NewPassword);
        // Waiting for the 2 s access-token lifetime to run out (the state under test), not for the page to be ready.
        await Task.Delay(TimeSpan.FromSeconds(3));

        await session.Page.Locator(".shell-nav a[href='/posts']").ClickAsync();

        // The sign-in page is a full page load; the "session ended" notice travels as a fixed marker and is shown there.
        await Expect(session.Page).ToHaveURLAsync(session.Url("/login?to=%2Fposts&refine-notice=session-ended"));
        await Expect(session.Page.Locator("[data-refine-auth-page=login]")).ToBeVisibleAsync();
        await Expect(session.Page.Locator("[data-notification-key=session-ended]")).ToBeVisibleAsync();
        await session.ScreenshotAsync("session-ended");

        await session.SubmitLoginAsync(email, TestUsers.NewPassword);

        await Expect(session.Page).ToHaveURLAsync(session.Url("/posts"));
        await Expect(session.Page.Locator("[data-posts]")).ToBeVisibleAsync();
        await session.ScreenshotAsync("back-on-posts");
    }
}
