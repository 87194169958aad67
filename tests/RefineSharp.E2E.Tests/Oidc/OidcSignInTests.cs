using Microsoft.Playwright;
using RefineSharp.E2E.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace RefineSharp.E2E.Tests.Oidc;

/// <summary>Signing in through the real identity server: the return path survives the round trip, a hostile one does not.</summary>
[Collection(OidcCollection.Name)]
public sealed class OidcSignInTests(SharedOidcFixture fixture)
{
    [Fact]
    public async Task Sign_in_through_the_identity_server_lands_on_the_page_in_to_with_no_token_in_the_browser()
    {
        await using var b = await OidcBrowser.OpenAsync(fixture, "lands-on-to");
        await b.Page.GotoAsync("/reports?tab=2");
        await Expect(b.Page).ToHaveURLAsync(b.App("/login?to=%2Freports%3Ftab%3D2"));
        await b.ClickProviderAsync();
        await b.EnterPasswordAsync(OidcBrowser.Admin, OidcBrowser.AdminPassword);

        await Expect(b.Page).ToHaveURLAsync(b.App("/reports?tab=2"));
        await Expect(b.Page.Locator("[data-reports]")).ToBeVisibleAsync();
        await Expect(b.Page.Locator("[data-user-name]")).ToHaveTextAsync("Ada Admin");
        await b.ScreenshotAsync("signed-in");

        // The browser holds an HttpOnly session cookie; no token is readable by script, none is in storage.
        var readable = await b.Page.EvaluateAsync<string>("() => document.cookie + '|' + JSON.stringify(localStorage) + '|' + JSON.stringify(sessionStorage)");
        Assert.DoesNotContain("eyJ", readable, StringComparison.Ordinal);
        var cookies = await b.Context.CookiesAsync([b.Fixture.AppUrl]);
        Assert.All(cookies, c => Assert.DoesNotContain("eyJ", c.Value, StringComparison.Ordinal));
        Assert.Contains(cookies, c => c.Name == ".refine.session" && c.HttpOnly);
    }

    [Theory]
    [InlineData("//evil.example/steal")]
    [InlineData("https://evil.example/steal")]
    [InlineData("/\\evil.example")]
    [InlineData("javascript:alert(document.domain)")]
    [InlineData("/%2F%2Fevil.example")]
    public async Task A_hostile_return_path_is_ignored_and_the_sign_in_lands_on_the_dashboard(string hostile)
    {
        await using var b = await OidcBrowser.OpenAsync(fixture, "hostile-to");
        await b.ClickProviderAsync(loginUrl: "/login?to=" + Uri.EscapeDataString(hostile));
        await b.EnterPasswordAsync(OidcBrowser.Admin, OidcBrowser.AdminPassword);

        await Expect(b.Page).ToHaveURLAsync(b.App("/"));
        await Expect(b.Page.Locator("[data-identity-card]")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_hostile_to_sent_straight_to_the_start_endpoint_never_leaves_the_app()
    {
        await using var b = await OidcBrowser.OpenAsync(fixture, "hostile-start");
        await b.Page.GotoAsync($"/signin-oidc/start?provider={OidcFixture.Provider}&to=" + Uri.EscapeDataString("https://evil.example/"));
        await b.EnterPasswordAsync(OidcBrowser.Admin, OidcBrowser.AdminPassword);

        await Expect(b.Page).ToHaveURLAsync(b.App("/"));
    }

    [Fact]
    public async Task An_unknown_provider_name_shows_a_clear_message_on_the_login_page()
    {
        await using var b = await OidcBrowser.OpenAsync(fixture, "unknown-provider");
        await b.Page.GotoAsync("/signin-oidc/start?provider=evil&to=%2Freports");

        await Expect(b.Page).ToHaveURLAsync(b.App("/login?to=%2Freports&oidc-error=unknown-provider"));
        await Expect(b.Error).ToContainTextAsync("This sign-in option is not configured.");

        // The code is all the URL carries: a crafted one shows nothing of its own.
        await b.Page.GotoAsync("/login?oidc-error=%3Cscript%3Ealert(1)%3C%2Fscript%3E&oidc-provider=evil");
        await OidcBrowser.WaitForCircuitAsync(b.Page);
        await Expect(b.Error).ToHaveCountAsync(0);
    }
}
