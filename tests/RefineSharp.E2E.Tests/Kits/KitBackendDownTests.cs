using System.Net.Sockets;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;
using RefineSharp.E2E.Tests.Infrastructure;

namespace RefineSharp.E2E.Tests.Kits;

/// <summary>
/// Every kit with its Identity backend down: the sample's provider calls a port of this suite's range where nothing
/// listens (KitServerVariant.BackendDown). The static sign-in forms still answer, with the kit's own error display and
/// refine's texts; nothing crashes and nothing of the failure's internals (address, exception) reaches the page.
/// </summary>
[Collection(KitsCollection.Name)]
public sealed class KitBackendDownTests(KitsDemoFixture kits)
{
    public static TheoryData<string> Kits() => [.. KitsDemoFixture.Kits];

    [Theory]
    [MemberData(nameof(Kits))]
    public async Task SignIn_BackendDown_ShowsTheKitsErrorWithRefinesTextAndNoInternals(string kit)
    {
        await AssertPortClosedAsync();
        await using var session = await kits.OpenAsync(kit, KitServerVariant.BackendDown, nameof(SignIn_BackendDown_ShowsTheKitsErrorWithRefinesTextAndNoInternals));
        var page = session.Page;
        await session.GotoAsync("/login");

        await KitPage.Input(page, "email").FillAsync(KitPage.Email);
        await KitPage.Input(page, "password").FillAsync(KitPage.Password);
        await page.Locator("form [type=submit]").ClickAsync();

        var summary = page.Locator("[data-refine-error-summary]");
        await Expect(summary).ToBeVisibleAsync();
        await Expect(summary).ToHaveAttributeAsync("role", "alert");
        await Expect(summary).ToHaveTextAsync(ServiceFailure);
        await Expect(StaticNotification(page, kit, "login-error")).ToContainTextAsync("Service unavailable");
        await Expect(StaticNotification(page, kit, "login-error")).ToContainTextAsync(ServiceFailure);
        await Expect(page).ToHaveURLAsync(session.Url("/login"));
        await AssertNoInternalsAsync(page);
        await session.ScreenshotAsync("backend-down");

        // The server is still there and the form still works the same way a second time.
        await page.Locator("form [type=submit]").ClickAsync();
        await Expect(page.Locator("[data-refine-error-summary]")).ToBeVisibleAsync();
        Assert.Equal(200, (await page.GotoAsync("/login"))!.Status);
    }

    [Theory]
    [MemberData(nameof(Kits))]
    public async Task ForgotPassword_BackendDown_SaysItFailedNeverThatItWasSent(string kit)
    {
        await AssertPortClosedAsync();
        await using var session = await kits.OpenAsync(kit, KitServerVariant.BackendDown, nameof(ForgotPassword_BackendDown_SaysItFailedNeverThatItWasSent));
        var page = session.Page;
        await session.GotoAsync("/forgot-password");

        await KitPage.Input(page, "email").FillAsync(KitPage.Email);
        await Expect(KitPage.Input(page, "email")).ToHaveValueAsync(KitPage.Email);
        await page.Locator("form [type=submit]").ClickAsync();

        await Expect(page.Locator("[data-refine-error-summary]")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-notification-key=forgot-password-success]")).ToHaveCountAsync(0);
        await Expect(page).ToHaveURLAsync(session.Url("/forgot-password"));
        await AssertNoInternalsAsync(page);
    }

    // The Identity provider's text for a backend it could not reach (its resources), whatever the kit.
    private const string ServiceFailure = "The sign-in service could not be reached. Please try again later.";

    private static ILocator StaticNotification(IPage page, string kit, string key) => kit == "MudBlazor"
        ? page.Locator($".mud-snackbar, [data-notification-key={key}]").First
        : page.Locator($"[data-notification-key={key}]");

    private static async Task AssertNoInternalsAsync(IPage page)
    {
        var html = await page.ContentAsync();
        foreach (var leak in new[] { "127.0.0.1", KitsDemoFixture.ClosedPort.ToString(System.Globalization.CultureInfo.InvariantCulture), "Exception", "refused", "   at ", "blazor-error-ui\" style=\"display: block" })
        {
            Assert.DoesNotContain(leak, html, StringComparison.OrdinalIgnoreCase);
        }
    }

    // The test's own precondition: nothing listens on the port the provider is pointed at.
    private static async Task AssertPortClosedAsync()
    {
        using var client = new TcpClient();
        await Assert.ThrowsAnyAsync<SocketException>(() => client.ConnectAsync("127.0.0.1", KitsDemoFixture.ClosedPort));
    }
}
