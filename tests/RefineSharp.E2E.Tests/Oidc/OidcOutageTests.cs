using RefineSharp.E2E.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace RefineSharp.E2E.Tests.Oidc;

/// <summary>The identity server goes down: a clear message, nothing crashes, guarded pages fail closed, and it recovers.</summary>
[Collection(OidcCollection.Name)]
public sealed class OidcOutageTests(OutageOidcFixture fixture) : IClassFixture<OutageOidcFixture>
{
    [Fact]
    public async Task With_the_identity_server_down_signing_in_explains_why_and_an_expiring_session_fails_closed()
    {
        await using var b = await OidcBrowser.OpenAsync(fixture, "outage");
        await b.SignInAtAsync("/");
        var signedIn = DateTime.UtcNow;
        await fixture.StopIdpAsync();
        try
        {
            // A valid access token needs no identity server: the page still works.
            await b.Page.ReloadAsync();
            await Expect(b.Page.Locator("[data-identity-name]")).ToHaveTextAsync("Ada Admin");

            // Once the token must be refreshed the session cannot continue: the guarded page sends to the login page.
            var wait = signedIn + TimeSpan.FromSeconds(12) - DateTime.UtcNow;
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait);
            }

            await b.Page.GotoAsync("/reports");
            await Expect(b.Page).ToHaveURLAsync(b.AppPath("/login"));
            await Expect(b.Page.Locator("[data-reports]")).ToHaveCountAsync(0);

            // Signing in now: the start endpoint cannot read the discovery document and says so on the login page.
            await b.ClickProviderAsync();
            await Expect(b.Page).ToHaveURLAsync(b.AppPath("/login"));
            await Expect(b.Error).ToHaveAttributeAsync("data-oidc-error", "unavailable");
            await Expect(b.Error).ToContainTextAsync("RefineSharp Identity Server cannot be reached");
            await b.ScreenshotAsync("idp-down");
            Assert.False(fixture.App.HasExited);
        }
        finally
        {
            await fixture.StartIdpAsync();
        }

        // Back up: signing in works again (the identity server's own session survived its restart: no password asked),
        // and the return path is still honoured.
        await b.ClickProviderAsync();
        await Expect(b.Page).ToHaveURLAsync(b.App("/reports"));
        await Expect(b.Page.Locator("[data-user-name]")).ToHaveTextAsync("Ada Admin");
    }
}
