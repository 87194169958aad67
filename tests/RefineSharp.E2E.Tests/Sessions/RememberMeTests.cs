using Microsoft.Playwright;
using RefineSharp.E2E.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace RefineSharp.E2E.Tests.Sessions;

/// <summary>"Remember me" decides whether the session outlives the browser: closed and opened again on the same profile.</summary>
[Collection(DemoCollection.Name)]
public sealed class RememberMeTests(DemoFixture fixture)
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Login_BrowserClosedAndReopenedOnTheSameProfile_SignedInOnlyWhenRemembered(bool remember)
    {
        var profile = Path.Combine(Path.GetTempPath(), "refinesharp-profile-" + Guid.NewGuid().ToString("N"));
        try
        {
            await using (var first = await LaunchAsync(profile))
            {
                var page = first.Pages.FirstOrDefault() ?? await first.NewPageAsync();
                await page.GotoAsync("/login");
                await page.Locator("#email").FillAsync(TestUsers.EditorEmail);
                await page.Locator("#password").FillAsync(TestUsers.EditorPassword);
                if (remember)
                {
                    await page.Locator("#remember").CheckAsync();
                }

                await page.Locator("button[type=submit]").ClickAsync();
                await Expect(page.Locator("[data-identity-card]")).ToBeVisibleAsync();
            }

            await using var second = await LaunchAsync(profile);
            var again = second.Pages.FirstOrDefault() ?? await second.NewPageAsync();
            await again.GotoAsync("/posts");

            if (remember)
            {
                await Expect(again).ToHaveURLAsync(fixture.Server.BaseUrl + "/posts");
                await Expect(again.Locator("[data-posts]")).ToBeVisibleAsync();
            }
            else
            {
                await Expect(again).ToHaveURLAsync(fixture.Server.BaseUrl + "/login?to=%2Fposts");
            }
        }
        finally
        {
            try
            {
                Directory.Delete(profile, recursive: true);
            }
            catch (IOException)
            {
                // Chromium may still hold a lock file for a moment; the temp folder is cleaned by the OS.
            }
        }
    }

    private Task<IBrowserContext> LaunchAsync(string profile) =>
        fixture.Playwright.Chromium.LaunchPersistentContextAsync(profile, new BrowserTypeLaunchPersistentContextOptions
        {
            ExecutablePath = Browser.ChromiumPath,
            Headless = true,
            BaseURL = fixture.Server.BaseUrl,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
}
