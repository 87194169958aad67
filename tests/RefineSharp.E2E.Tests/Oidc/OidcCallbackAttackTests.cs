using Microsoft.Playwright;
using RefineSharp.E2E.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace RefineSharp.E2E.Tests.Oidc;

/// <summary>The identity server's answer is checked: a tampered state, a replayed code and a code sent to another browser are refused.</summary>
[Collection(OidcCollection.Name)]
public sealed class OidcCallbackAttackTests(SharedOidcFixture fixture)
{
    [Fact]
    public async Task Tampered_state_and_replayed_codes_are_refused_with_a_clear_message_and_sign_nobody_in()
    {
        await using var b = await OidcBrowser.OpenAsync(fixture, "callback-attacks");
        var callback = await CaptureCallbackAsync(b);

        // 1. The state parameter changed by one character: OpenIddict cannot read it, nothing is signed in.
        await b.Page.GotoAsync(WithState(callback, Flip));
        await ExpectRefusedAsync(b);
        await b.ScreenshotAsync("tampered-state");

        // 2. The genuine answer still works once...
        await b.Page.GotoAsync(callback);
        await Expect(b.Page).ToHaveURLAsync(b.App("/reports"));
        await Expect(b.Page.Locator("[data-reports]")).ToBeVisibleAsync();

        // 3. ...and never twice (the state's correlation cookie is gone, and the code is single-use at the server).
        await b.Page.GotoAsync(callback);
        await Expect(b.Page).ToHaveURLAsync(b.AppPath("/login"));
        await Expect(b.Error).ToHaveAttributeAsync("data-oidc-error", "refused");

        // 4. The same answer in another browser (a leaked callback URL): refused, that browser stays signed out.
        await using var attacker = await OidcBrowser.OpenAsync(fixture, "callback-attacker");
        await attacker.Page.GotoAsync(callback);
        await ExpectRefusedAsync(attacker);
    }

    [Fact]
    public async Task A_callback_without_code_or_state_and_an_error_answer_are_refused()
    {
        await using var b = await OidcBrowser.OpenAsync(fixture, "callback-garbage");
        foreach (var query in new[] { "", "?code=abc", "?state=abc", "?code=abc&state=abc", "?error=access_denied&state=x", "?error=%3Cscript%3E" })
        {
            await b.Page.GotoAsync($"/signin-oidc/callback/{OidcFixture.Provider}{query}");
            await ExpectRefusedAsync(b);
        }
    }

    /// <summary>
    /// Signs in up to the identity server's redirect back and returns that URL without following it: the login form
    /// is posted with the browser context's own request API (same cookies), redirects followed one by one.
    /// </summary>
    internal static async Task<string> CaptureCallbackAsync(OidcBrowser b)
    {
        await b.Page.GotoAsync("/reports");
        await b.ClickProviderAsync();
        await Expect(b.Page).ToHaveURLAsync(b.IdpLoginPage);
        var form = b.Context.APIRequest.CreateFormData();
        foreach (var name in new[] { "__RequestVerificationToken", "returnUrl" })
        {
            form.Set(name, await b.Page.Locator($"input[name={name}]").GetAttributeAsync("value") ?? "");
        }

        form.Set("email", OidcBrowser.Admin);
        form.Set("password", OidcBrowser.AdminPassword);
        var post = await b.Context.APIRequest.PostAsync(b.Fixture.IdpUrl + "/account/login", new() { Form = form, MaxRedirects = 0 });
        var next = new Uri(new Uri(b.Fixture.IdpUrl), post.Headers["location"]).AbsoluteUri;
        var authorize = await b.Context.APIRequest.GetAsync(next, new() { MaxRedirects = 0 });
        var url = authorize.Headers["location"];
        Assert.StartsWith(b.App($"/signin-oidc/callback/{OidcFixture.Provider}?"), url, StringComparison.Ordinal);
        return url;
    }

    private static async Task ExpectRefusedAsync(OidcBrowser b)
    {
        await Expect(b.Page).ToHaveURLAsync(b.AppPath("/login"));
        await OidcBrowser.WaitForCircuitAsync(b.Page);
        await Expect(b.Error).ToBeVisibleAsync();
        await b.Page.GotoAsync("/reports");
        await Expect(b.Page).ToHaveURLAsync(b.AppPath("/login"));
    }

    private static string WithState(string url, Func<string, string> change)
    {
        var uri = new Uri(url);
        var parts = uri.Query.TrimStart('?').Split('&').Select(p => p.StartsWith("state=", StringComparison.Ordinal) ? "state=" + change(p[6..]) : p);
        return uri.GetLeftPart(UriPartial.Path) + "?" + string.Join('&', parts);
    }

    private static string Flip(string value)
    {
        var i = value.Length / 2;
        return value[..i] + (value[i] == 'A' ? 'B' : 'A') + value[(i + 1)..];
    }
}
