using Microsoft.Playwright;
using RefineSharp.E2E.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace RefineSharp.E2E.Tests.Sessions;

/// <summary>The sign-in form is a plain form post: it works with JavaScript switched off, errors included.</summary>
[Collection(DemoCollection.Name)]
public sealed class NoScriptSignInTests(DemoFixture fixture)
{
    [Fact]
    public async Task Login_JavaScriptOff_SignsInAndFollowsTheReturnPath()
    {
        await using var context = await NoScriptContextAsync();
        var page = await context.NewPageAsync();
        var urls = new List<string>();
        page.Request += (_, request) => urls.Add(request.Url);

        await page.GotoAsync("/login?to=%2Fposts");
        await page.Locator("#email").FillAsync(TestUsers.EditorEmail);
        await page.Locator("#password").FillAsync(TestUsers.EditorPassword);
        await page.Locator("#password").PressAsync("Enter");

        await Expect(page).ToHaveURLAsync(fixture.Server.BaseUrl + "/posts");
        await Expect(page.Locator("[data-posts]")).ToBeVisibleAsync();
        Assert.DoesNotContain(urls, u => u.Contains(TestUsers.EditorPassword, StringComparison.Ordinal) || u.Contains("password=", StringComparison.OrdinalIgnoreCase));
        await page.ScreenshotAsync(new() { Path = Path.Combine(RepositoryPaths.Artifacts, "no-script-signed-in.png"), FullPage = true });
    }

    [Fact]
    public async Task Login_JavaScriptOffWrongPassword_ShowsRefinesErrorKeepsTheEmailAndNeverTheTypedPassword()
    {
        await using var context = await NoScriptContextAsync();
        var page = await context.NewPageAsync();

        await page.GotoAsync("/login");
        await page.Locator("#email").FillAsync(TestUsers.EditorEmail);
        await page.Locator("#password").FillAsync("wrong-Passw0rd!");
        await page.Locator("button[type=submit]").ClickAsync();

        await Expect(page).ToHaveURLAsync(fixture.Server.BaseUrl + "/login");
        await Expect(page.Locator("[data-notification-key=login-error]")).ToContainTextAsync("Login Error");
        await Expect(page.Locator("#email")).ToHaveValueAsync(TestUsers.EditorEmail);
        await Expect(page.Locator("#password")).ToHaveValueAsync(string.Empty);
        Assert.DoesNotContain("wrong-Passw0rd!", await page.ContentAsync(), StringComparison.Ordinal);
        await page.ScreenshotAsync(new() { Path = Path.Combine(RepositoryPaths.Artifacts, "no-script-wrong-password.png"), FullPage = true });
    }

    [Fact]
    public async Task Login_PostWithoutAntiforgeryToken_IsRefusedAndSignsNobodyIn()
    {
        await using var context = await NoScriptContextAsync();
        var response = await context.APIRequest.PostAsync("/login", new APIRequestContextOptions
        {
            Form = context.APIRequest.CreateFormData().Append("_handler", "refine-auth-login").Append("email", TestUsers.EditorEmail).Append("password", TestUsers.EditorPassword),
            MaxRedirects = 0,
        });

        Assert.Equal(400, response.Status);
        Assert.DoesNotContain(await context.CookiesAsync(), c => c.Name == ".refine.session");
    }

    private Task<IBrowserContext> NoScriptContextAsync() =>
        fixture.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = fixture.Server.BaseUrl, JavaScriptEnabled = false });
}
