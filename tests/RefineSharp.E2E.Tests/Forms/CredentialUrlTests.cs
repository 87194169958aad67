using System.Collections.Concurrent;
using Microsoft.Playwright;
using RefineSharp.E2E.Tests.Infrastructure;

namespace RefineSharp.E2E.Tests.Forms;

/// <summary>
/// Issue item 2, no credential in a URL, ever: the page is held before it becomes interactive (Blazor's scripts under
/// _framework/ never load, as on a slow network or a page the app forgot to make interactive), the user types and
/// presses Enter, and no request URL, nor the URL the tab ends on, may carry the password. These tests assert about
/// URLs only, so they hold whatever the form does once submitted (an interactive handler or a server-side post).
/// </summary>
[Collection(DemoCollection.Name)]
public sealed class CredentialUrlTests(DemoFixture fixture, WasmDemoFixture wasm)
{
    public static TheoryData<string, string> Pages() => new()
    {
        { "server", "/login" },
        { "server", "/register" },
        { "server", "/update-password?email=reset%40e2e.local&code=ABC123" },
        { "wasm", "/login" },
        { "wasm", "/register" },
        { "wasm", "/update-password?email=reset%40e2e.local&code=ABC123" },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Submit_EnterBeforeInteractive_NoUrlCarriesThePassword(string app, string path)
    {
        var server = app == "wasm" ? wasm.Server : fixture.Server;
        var name = $"{nameof(Submit_EnterBeforeInteractive_NoUrlCarriesThePassword)}-{app}-{path.Split('?')[0].Trim('/')}";
        await using var session = await fixture.OpenAsync(name, server);
        var page = session.Page;
        var password = "Secret-" + Guid.NewGuid().ToString("N")[..12];
        var urls = new ConcurrentQueue<string>();
        page.Request += (_, request) => urls.Enqueue(request.Url);
        // Blazor never starts: neither the circuit nor the WebAssembly runtime (both boot from _framework/).
        await page.RouteAsync("**/_framework/**", route => route.AbortAsync());

        await page.GotoAsync(path);
        var passwordFields = page.Locator("input[type=password]");
        await passwordFields.First.WaitForAsync();
        Assert.Equal(0, await page.Locator("[data-refine-interactive]").CountAsync());
        if (await page.Locator("#email").CountAsync() > 0)
        {
            await page.Locator("#email").FillAsync("someone@e2e.local");
        }

        var count = await passwordFields.CountAsync();
        for (var i = 0; i < count; i++)
        {
            await passwordFields.Nth(i).FillAsync(password);
        }

        // Enter submits the form the browser's own way; wait for the navigation it starts, whatever its method.
        var submitted = await page.RunAndWaitForRequestAsync(
            () => passwordFields.Nth(count - 1).PressAsync("Enter"),
            request => request.IsNavigationRequest && request.Frame == page.MainFrame);
        await page.WaitForLoadStateAsync(LoadState.Load);
        await session.ScreenshotAsync("after-enter");

        var seen = urls.Append(submitted.Url).Append(page.Url).ToList();
        Assert.All(seen, url =>
        {
            Assert.DoesNotContain(password, url, StringComparison.Ordinal);
            Assert.DoesNotContain(Uri.EscapeDataString(password), url, StringComparison.Ordinal);
            Assert.DoesNotContain("password=", url, StringComparison.OrdinalIgnoreCase);
        });
    }
}
