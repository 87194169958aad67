using RefineSharp.E2E.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace RefineSharp.E2E.Tests.Wasm;

/// <summary>The cascaded RefineAuthState in WebAssembly: it loads on its own, without a guard or AuthorizeView asking.</summary>
[Collection(DemoCollection.Name)]
public sealed class WasmAuthStateTests(DemoFixture fixture, WasmDemoFixture wasm)
{
    [Fact]
    public async Task CascadedState_LoginPageInWebAssembly_LoadsToUnauthenticated()
    {
        await using var session = await fixture.OpenAsync(nameof(CascadedState_LoginPageInWebAssembly_LoadsToUnauthenticated), wasm.Server);

        await WasmApp.GotoAsync(session, "/login");

        // The login page has no guard and no AuthorizeView: only the cascade itself can have asked the provider.
        await Expect(session.Page.Locator("[data-auth-status]")).ToHaveAttributeAsync("data-auth-status", "Unauthenticated");
    }

    [Fact]
    public async Task CascadedState_Prerendered_IsUnknownUntilWebAssemblyRuns()
    {
        using var http = new HttpClient { BaseAddress = new Uri(wasm.Server.BaseUrl + "/") };

        var html = await http.GetStringAsync(new Uri("login", UriKind.Relative));

        // Prerendering asks nothing (and runs no JavaScript): the server sends the Unknown state.
        Assert.Contains("data-auth-status=\"Unknown\"", html, StringComparison.Ordinal);
    }
}
