using System.Text.RegularExpressions;
using Microsoft.Playwright;
using RefineSharp.E2E.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace RefineSharp.E2E.Tests.Oidc;

/// <summary>
/// ID tokens the identity server signed with its real key but got wrong (another nonce, another issuer, a clock that
/// is off) are refused by OpenIddict's client validation, in Chromium: a clear message on the login page, no internals,
/// nothing signed in, the guarded page stays closed. A clock within the tolerance still signs in.
/// </summary>
[Collection(FaultyIdpCollection.Name)]
public sealed class OidcTokenValidationTests(FaultyIdpFixture fixture) : IAsyncLifetime
{
    public Task InitializeAsync() => fixture.SetFaultsAsync();

    public Task DisposeAsync() => fixture.SetFaultsAsync();

    [Fact]
    public async Task Without_faults_the_sign_in_lands_on_the_guarded_page()
    {
        await using var page = await OpenAsync();
        await SignInAsync(page.Page);
        await Expect(page.Page).ToHaveURLAsync(fixture.AppUrl + "/reports");
        await Expect(page.Page.Locator("[data-reports]")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task An_ID_token_with_a_wrong_nonce_is_refused_with_a_clear_message_and_the_guarded_page_stays_closed()
    {
        await fixture.SetFaultsAsync(wrongNonce: true);
        var logBefore = fixture.App.Output.Length;
        await using var page = await OpenAsync();
        await SignInAsync(page.Page);

        await ExpectRefusedAsync(page.Page, "refused", "could not be verified");
        // OpenIddict's own nonce check refused it (its message, logged by the app; never shown on the page).
        Assert.Matches("was refused: [a-z_]+ The 'nonce' claim", fixture.App.Output[logBefore..]);
    }

    [Fact]
    public async Task An_ID_token_from_another_issuer_is_refused_with_a_clear_message_and_the_guarded_page_stays_closed()
    {
        await fixture.SetFaultsAsync(issuer: "http://127.0.0.1:6299/");
        var logBefore = fixture.App.Output.Length;
        await using var page = await OpenAsync();
        await SignInAsync(page.Page);

        await ExpectRefusedAsync(page.Page, "refused", "could not be verified");
        Assert.Matches("was refused: [a-z_]+ The issuer", fixture.App.Output[logBefore..]);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(10)]
    [InlineData(60)]
    public async Task An_identity_server_clock_so_far_behind_that_the_ID_token_expired_at_issue_is_refused_naming_the_clock(int minutesPastExpiry)
    {
        // The ID token lives 20 minutes; the server's clock is that much plus the given minutes behind, so the token
        // arrives expired by more than the 2-minute tolerance.
        await fixture.SetFaultsAsync(clockOffset: -(FaultyIdpFixture.IdTokenLifetime + TimeSpan.FromMinutes(minutesPastExpiry)));
        await using var page = await OpenAsync();
        await SignInAsync(page.Page);

        await ExpectRefusedAsync(page.Page, "expired", "clocks");
    }

    [Theory]
    [InlineData(-21)]
    [InlineData(-5)]
    [InlineData(10)]
    public async Task A_clock_skew_within_the_tolerance_still_signs_in(int offsetMinutes)
    {
        // -21: the ID token arrives expired by one minute, within the provider's default ClockSkew of two minutes.
        // -5 and +10: the token is still valid by this app's clock (OpenIddict checks expiry, not issued-at).
        await fixture.SetFaultsAsync(clockOffset: TimeSpan.FromMinutes(offsetMinutes));
        await using var page = await OpenAsync();
        await SignInAsync(page.Page);

        await Expect(page.Page).ToHaveURLAsync(fixture.AppUrl + "/reports");
        await Expect(page.Page.Locator("[data-reports]")).ToBeVisibleAsync();
    }

    private async Task ExpectRefusedAsync(IPage page, string code, string text)
    {
        await Expect(page).ToHaveURLAsync(new Regex("^" + Regex.Escape(fixture.AppUrl + "/login?") + ".*oidc-error=" + code));
        var error = page.Locator("[data-oidc-error]");
        await Expect(error).ToHaveAttributeAsync("data-oidc-error", code);
        await Expect(error).ToContainTextAsync(text);

        // A clear message, no internals: neither OpenIddict's error ids nor claim names nor exception text.
        var body = await page.Locator("body").InnerTextAsync();
        foreach (var internals in new[] { "ID2", "nonce", "invalid_token", "OpenIddict", "Exception", "eyJ" })
        {
            Assert.DoesNotContain(internals, body, StringComparison.Ordinal);
        }

        // Nothing was signed in: the guarded page sends the browser to the login page.
        await page.GotoAsync("/reports");
        await Expect(page).ToHaveURLAsync(new Regex("^" + Regex.Escape(fixture.AppUrl + "/login")));
        Assert.False(fixture.App.HasExited);
    }

    private static async Task SignInAsync(IPage page)
    {
        await page.GotoAsync("/reports");
        await Expect(page).ToHaveURLAsync(new Regex("/login"));
        await OidcBrowser.WaitForCircuitAsync(page);
        await page.Locator($"button[data-provider={OidcFixture.Provider}]").ClickAsync();
        await page.Locator("#email").FillAsync(OidcBrowser.Admin);
        await page.Locator("#password").FillAsync(OidcBrowser.AdminPassword);
        await page.Locator("button[type=submit]").ClickAsync();
    }

    private async Task<Context> OpenAsync()
    {
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = fixture.AppUrl });
        context.SetDefaultTimeout(30_000);
        return new Context(context, await context.NewPageAsync());
    }

    private sealed record Context(IBrowserContext Browser, IPage Page) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await Browser.CloseAsync();
    }
}
