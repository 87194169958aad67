using System.Net.Http.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;
using RefineSharp.E2E.Tests.Infrastructure;

namespace RefineSharp.E2E.Tests.Kits;

/// <summary>
/// A session killed on the server while its page is open: the password changes through the Identity API (which
/// refuses the session's refresh token from then on) and the 2 s access token runs out (KitServerVariant.ShortTokens).
/// The next navigation in the circuit runs the guard's check, the session ends, and the static sign-in page (a full
/// page load, which carries the notice as a fixed marker) shows refine's "session ended" in the kit's own outlet.
/// </summary>
[Collection(KitsCollection.Name)]
public sealed class KitSessionEndedTests(KitsDemoFixture kits)
{
    private const string FirstPassword = "Kits-First-1!";
    private const string SecondPassword = "Kits-Second-2!";

    public static TheoryData<string> Kits() => [.. KitsDemoFixture.Kits];

    [Theory]
    [MemberData(nameof(Kits))]
    public async Task SessionKilledOnTheServer_NextNavigation_ShowsTheNoticeInTheKit(string kit)
    {
        await using var session = await kits.OpenAsync(kit, KitServerVariant.ShortTokens, nameof(SessionKilledOnTheServer_NextNavigation_ShowsTheNoticeInTheKit));
        var page = session.Page;
        using var http = new HttpClient { BaseAddress = new Uri(session.BaseUrl + "/") };
        var email = $"ended-{kit.ToLowerInvariant()}-{Guid.NewGuid():N}@kits.local";
        (await http.PostAsJsonAsync("identity/register", new { email, password = FirstPassword })).EnsureSuccessStatusCode();

        await session.GotoAsync("/login");
        await KitPage.Input(page, "email").FillAsync(email);
        await KitPage.Input(page, "password").FillAsync(FirstPassword);
        await page.Locator("form [type=submit]").ClickAsync();
        await Expect(page.Locator("[data-kits-user]")).ToContainTextAsync(email);
        await BrowserSession.WaitForCircuitAsync(page);

        await ChangePasswordAsync(http, email);
        // Waiting for the 2 s access token to run out (the state under test), not for the page to be ready.
        await Task.Delay(TimeSpan.FromSeconds(3));
        await page.Locator("[data-kits-nav=account]").ClickAsync();

        await Expect(page).ToHaveURLAsync(session.Url("/login?to=%2Faccount&refine-notice=session-ended"));
        await Expect(page.Locator("[data-refine-auth-page=login]")).ToBeVisibleAsync();
        var notice = kit == "MudBlazor"
            ? page.Locator(".mud-snackbar, [data-notification-key=session-ended]", new() { HasText = "Session ended" }).First
            : page.Locator("[data-notification-key=session-ended]");
        await Expect(notice).ToBeVisibleAsync();
        await Expect(notice).ToContainTextAsync("Session ended");
        await Expect(page.Locator("[data-kits-account]")).ToHaveCountAsync(0);
        await session.ScreenshotAsync("session-ended");

        // Signing in again (with the new password) reaches the page the session ended on.
        await KitPage.Input(page, "email").FillAsync(email);
        await KitPage.Input(page, "password").FillAsync(SecondPassword);
        await page.Locator("form [type=submit]").ClickAsync();
        await Expect(page).ToHaveURLAsync(session.Url("/account"));
        await Expect(page.Locator("[data-kits-account]")).ToBeVisibleAsync();
    }

    /// <summary>Changes the password with a bearer token of its own; Identity renews the security stamp, so every refresh token issued before is refused.</summary>
    private static async Task ChangePasswordAsync(HttpClient http, string email)
    {
        using var login = await http.PostAsJsonAsync("identity/login", new { email, password = FirstPassword });
        login.EnsureSuccessStatusCode();
        var token = (await login.Content.ReadFromJsonAsync<BearerAnswer>())!.AccessToken;
        using var change = new HttpRequestMessage(HttpMethod.Post, "identity/manage/info")
        {
            Content = JsonContent.Create(new { oldPassword = FirstPassword, newPassword = SecondPassword }),
        };
        change.Headers.Authorization = new("Bearer", token);
        (await http.SendAsync(change)).EnsureSuccessStatusCode();
    }

    private sealed record BearerAnswer(string AccessToken);
}
