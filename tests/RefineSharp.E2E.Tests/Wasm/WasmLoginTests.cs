using RefineSharp.E2E.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace RefineSharp.E2E.Tests.Wasm;

/// <summary>The AuthPage forms, the notifications and logout, with every component running in WebAssembly.</summary>
[Collection(DemoCollection.Name)]
public sealed class WasmLoginTests(DemoFixture fixture, WasmDemoFixture wasm)
{
    [Fact]
    public async Task Login_WrongPassword_ShowsLoginErrorToastAndStaysOnLogin()
    {
        await using var session = await fixture.OpenAsync(nameof(Login_WrongPassword_ShowsLoginErrorToastAndStaysOnLogin), wasm.Server);
        await WasmApp.GotoAsync(session, "/login");

        await session.SubmitLoginAsync(WasmApp.AdminEmail, "Wrong12345!");

        var toast = session.Page.Locator("[data-notification-key=login-error]");
        await Expect(toast).ToBeVisibleAsync();
        await Expect(toast).ToHaveAttributeAsync("role", "alert");
        await Expect(session.Page).ToHaveURLAsync(session.Url("/login"));
        await Expect(session.Page.Locator("[data-user-name], [data-action=logout], .shell-nav")).ToHaveCountAsync(0);
        await session.ScreenshotAsync("login-error");
    }

    [Fact]
    public async Task Login_EmptyForm_ShowsFieldErrorsWithoutSubmitting()
    {
        await using var session = await fixture.OpenAsync(nameof(Login_EmptyForm_ShowsFieldErrorsWithoutSubmitting), wasm.Server);
        await WasmApp.GotoAsync(session, "/login");

        await session.Page.Locator("button[type=submit]").ClickAsync();

        await Expect(session.Page.Locator("#email-error")).ToBeVisibleAsync();
        await Expect(session.Page.Locator("#password-error")).ToBeVisibleAsync();
        await Expect(session.Page.Locator("#email")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(session.Page.Locator("[data-notification-key]")).ToHaveCountAsync(0);
        await Expect(session.Page).ToHaveURLAsync(session.Url("/login"));
        await session.ScreenshotAsync("field-errors");
    }

    [Fact]
    public async Task Logout_SignedIn_GoesToLoginAndGuardsAgain()
    {
        await using var session = await fixture.OpenAsync(nameof(Logout_SignedIn_GoesToLoginAndGuardsAgain), wasm.Server);
        await WasmApp.LoginAsync(session, WasmApp.AdminEmail, WasmApp.AdminPassword, WasmApp.AdminName);

        await session.Page.Locator("[data-action=logout]").ClickAsync();

        await Expect(session.Page).ToHaveURLAsync(session.Url("/login"));
        await Expect(session.Page.Locator("[data-refine-auth-page=login]")).ToBeVisibleAsync();
        await Expect(session.Page.Locator("[data-user-name], [data-action=logout]")).ToHaveCountAsync(0);
        await session.ScreenshotAsync("after-logout");

        // Back in the app without a reload: the guard asks again and sends the visitor to the login page.
        await session.Page.EvaluateAsync("() => Blazor.navigateTo('/admin')");
        await Expect(session.Page).ToHaveURLAsync(session.Url("/login?to=%2Fadmin"));
    }

    [Fact]
    public async Task Register_NewAccount_SignsInAndCanSignInAgainAfterLogout()
    {
        await using var session = await fixture.OpenAsync(nameof(Register_NewAccount_SignsInAndCanSignInAgainAfterLogout), wasm.Server);
        await WasmApp.GotoAsync(session, "/login");
        var email = TestUsers.UniqueEmail("wasm");

        // The link, not a new document: the account lives in this browser app's in-memory store.
        await session.Page.Locator("a[data-refine-link=register]").ClickAsync();
        await Expect(session.Page.Locator("[data-refine-auth-page=register]")).ToBeVisibleAsync();
        await session.Page.Locator("#email").FillAsync(email);
        await session.Page.Locator("#password").FillAsync(TestUsers.Password);
        await session.ScreenshotAsync("register-form");
        await session.Page.Locator("button[type=submit]").ClickAsync();

        await Expect(session.Page).ToHaveURLAsync(session.Url("/"));
        await Expect(session.Page.Locator("[data-user-name]")).ToHaveTextAsync(email);
        await session.Page.Locator("[data-action=logout]").ClickAsync();
        await Expect(session.Page).ToHaveURLAsync(session.Url("/login"));

        await session.SubmitLoginAsync(email, TestUsers.Password);

        await Expect(session.Page).ToHaveURLAsync(session.Url("/"));
        await Expect(session.Page.Locator("[data-user-name]")).ToHaveTextAsync(email);
        await Expect(session.Page.Locator("[data-nav=admin]")).ToHaveCountAsync(0);
        await session.ScreenshotAsync("signed-in-as-new-user");
    }
}
