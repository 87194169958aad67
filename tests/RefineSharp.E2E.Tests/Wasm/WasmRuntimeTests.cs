using Microsoft.Playwright;
using RefineSharp.E2E.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace RefineSharp.E2E.Tests.Wasm;

/// <summary>Proves the WebAssembly demo really runs in the browser, so the other Wasm tests test what they claim.</summary>
[Collection(DemoCollection.Name)]
public sealed class WasmRuntimeTests(DemoFixture fixture, WasmDemoFixture wasm)
{
    [Fact]
    public async Task SignIn_WasmDemo_RunsOnWebAssemblyWithoutCircuit()
    {
        await using var session = await fixture.OpenAsync(nameof(SignIn_WasmDemo_RunsOnWebAssemblyWithoutCircuit), wasm.Server);
        var requests = new List<string>();
        var sockets = new List<string>();
        session.Page.Request += (_, request) => Add(requests, request.Url);
        session.Page.WebSocket += (_, socket) => Add(sockets, socket.Url);

        await WasmApp.LoginAsync(session, WasmApp.AdminEmail, WasmApp.AdminPassword, WasmApp.AdminName);

        await Expect(session.Page.Locator("[data-renderer]")).ToHaveTextAsync("WebAssembly");
        var paths = Snapshot(requests).Select(url => new Uri(url).AbsolutePath).ToList();
        Assert.Contains(paths, p => p.StartsWith("/_framework/dotnet.", StringComparison.Ordinal) && p.EndsWith(".js", StringComparison.Ordinal));
        Assert.Contains(paths, p => p.StartsWith("/_framework/", StringComparison.Ordinal) && p.EndsWith(".wasm", StringComparison.Ordinal));
        Assert.DoesNotContain(paths, p => p.StartsWith("/_blazor", StringComparison.Ordinal));
        Assert.Empty(Snapshot(sockets));
        await session.ScreenshotAsync("home");
    }

    private static void Add(List<string> list, string url)
    {
        lock (list)
        {
            list.Add(url);
        }
    }

    private static List<string> Snapshot(List<string> list)
    {
        lock (list)
        {
            return [.. list];
        }
    }
}
