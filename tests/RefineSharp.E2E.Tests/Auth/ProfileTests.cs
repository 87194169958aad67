using System.Text.Json;
using Microsoft.Playwright;
using RefineSharp.E2E.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace RefineSharp.E2E.Tests.Auth;

/// <summary>
/// refine's updateIdentity in the demo, in Chromium against the real app (server-side sessions: the circuit holds the
/// tokens, the browser only its cookie): the account page's profile form changes the name (the user menu follows
/// without a reload), refuses a taken email, a 10,000-character name and a script URL as avatar with refine's
/// update-identity-error notification, and changes the email only after the link from the development outbox.
/// </summary>
[Collection(DemoCollection.Name)]
public sealed class ProfileTests(DemoFixture fixture)
{
    [Fact]
    public async Task AccountPage_ChangeNameThenEmail_MenuFollowsAndEmailChangesAfterTheOutboxLink()
    {
        var email = await TestUsers.RegisterAsync(fixture.Server, "profile");
        await using var session = await fixture.OpenAsync(nameof(AccountPage_ChangeNameThenEmail_MenuFollowsAndEmailChangesAfterTheOutboxLink));
        await session.LoginAsync(email, TestUsers.Password);
        await OpenProfileAsync(session, email);

        await session.Page.Locator("#profile-name").FillAsync("Ada E2E");
        await session.Page.Locator("[data-refine-profile-submit]").ClickAsync();

        await Expect(session.Page.Locator("[data-notification-key=update-identity-success]")).ToBeVisibleAsync();
        await Expect(session.Page.Locator("[data-user-name]")).ToHaveTextAsync("Ada E2E");
        await session.ScreenshotAsync("name-changed");

        var newEmail = TestUsers.UniqueEmail("moved");
        await session.Page.Locator("#profile-email").FillAsync(newEmail);
        await session.Page.Locator("[data-refine-profile-submit]").ClickAsync();

        await Expect(session.Page.Locator("[data-notification-key=update-identity-success]")).ToContainTextAsync(newEmail);
        await session.ScreenshotAsync("email-pending");
        var link = await ChangeLinkAsync(newEmail);
        Assert.Contains("/identity/confirmEmail?", link, StringComparison.Ordinal);

        // Not used before the link is opened: the old address still signs in, the new one does not.
        Assert.Equal(200, await LoginStatusAsync(email));
        Assert.Equal(401, await LoginStatusAsync(newEmail));

        using (var http = new HttpClient())
        {
            using var confirmed = await http.GetAsync(link);
            Assert.True(confirmed.IsSuccessStatusCode, $"confirmEmail answered {(int)confirmed.StatusCode}");
        }

        Assert.Equal(200, await LoginStatusAsync(newEmail));
        Assert.Equal(401, await LoginStatusAsync(email));
        await session.Page.Locator("[data-action=logout]").ClickAsync();
        await Expect(session.Page).ToHaveURLAsync(session.UrlWithAnyQuery("/login"));
        await session.LoginAsync(newEmail, TestUsers.Password);
        await Expect(session.Page.Locator("[data-user-name]")).ToHaveTextAsync("Ada E2E");
        await session.ScreenshotAsync("signed-in-with-new-email");
    }

    [Fact]
    public async Task AccountPage_BadInput_RefineErrorNotificationAndNothingChanged()
    {
        var email = await TestUsers.RegisterAsync(fixture.Server, "badprof");
        await using var session = await fixture.OpenAsync(nameof(AccountPage_BadInput_RefineErrorNotificationAndNothingChanged));
        await session.LoginAsync(email, TestUsers.Password);
        await OpenProfileAsync(session, email);
        var error = session.Page.Locator("[data-notification-key=update-identity-error]");

        await session.Page.Locator("#profile-email").FillAsync(TestUsers.AdminEmail);
        await session.Page.Locator("[data-refine-profile-submit]").ClickAsync();
        await Expect(error).ToContainTextAsync("This email is already used by another account.");
        await Expect(session.Page.Locator("[data-refine-profile-error]")).ToContainTextAsync("already used");
        await session.ScreenshotAsync("taken-email");

        await session.Page.Locator("#profile-email").FillAsync(email);
        await session.Page.Locator("#profile-name").FillAsync(new string('n', 10_000));
        await session.Page.Locator("[data-refine-profile-submit]").ClickAsync();
        await Expect(error).ToContainTextAsync("at most 100 characters");

        await session.Page.Locator("#profile-name").FillAsync(email);
        await session.Page.Locator("#profile-avatar").FillAsync("javascript:alert(document.domain)");
        await session.Page.Locator("[data-refine-profile-submit]").ClickAsync();
        await Expect(error).ToContainTextAsync("absolute http or https URL");
        await session.ScreenshotAsync("bad-avatar");

        // Nothing was stored: a fresh page shows the account as it was, and no mail went to the taken address.
        await OpenProfileAsync(session, email);
        await Expect(session.Page.Locator("#profile-name")).ToHaveValueAsync(email);
        await Expect(session.Page.Locator("#profile-avatar")).Not.ToHaveValueAsync("javascript:alert(document.domain)");
        await Expect(session.Page.Locator("[data-user-name]")).ToHaveTextAsync(email);
        Assert.Null(await FindChangeLinkAsync(TestUsers.AdminEmail));
    }

    private static async Task OpenProfileAsync(BrowserSession session, string email)
    {
        await session.GotoAsync("/account");
        await session.Page.Locator("[data-refine-profile-form][data-refine-interactive]").WaitForAsync(new() { State = WaitForSelectorState.Attached });

        // The form shows the identity once the circuit has read it; typing before that would be overwritten.
        await Expect(session.Page.Locator("#profile-email")).ToHaveValueAsync(email);
    }

    private async Task<int> LoginStatusAsync(string email)
    {
        using var http = new HttpClient { BaseAddress = new Uri(fixture.Server.BaseUrl + "/") };
        using var response = await http.PostAsync("identity/login", JsonContent(new { email, password = TestUsers.Password }));
        return (int)response.StatusCode;
    }

    private async Task<string> ChangeLinkAsync(string to) =>
        await FindChangeLinkAsync(to) ?? throw new InvalidOperationException($"No email-change link for {to} in the outbox.");

    private async Task<string?> FindChangeLinkAsync(string to)
    {
        using var http = new HttpClient { BaseAddress = new Uri(fixture.Server.BaseUrl + "/") };
        using var outbox = JsonDocument.Parse(await http.GetStringAsync("dev/outbox.json"));
        return outbox.RootElement.EnumerateArray()
            .Where(m => string.Equals(m.GetProperty("to").GetString(), to, StringComparison.OrdinalIgnoreCase))
            .Select(m => m.GetProperty("link").GetString())
            .FirstOrDefault(l => l is not null && l.Contains("changedEmail=", StringComparison.Ordinal));
    }

    private static StringContent JsonContent(object body) =>
        new(JsonSerializer.Serialize(body), System.Text.Encoding.UTF8, "application/json");
}
