using Microsoft.Playwright;

namespace RefineSharp.E2E.Tests.Infrastructure;

/// <summary>
/// The collection's shared demo server and Chromium. Tests open a fresh <see cref="BrowserSession"/> (its own
/// BrowserContext, so no storage or cookies are shared) against this server or a server of their own.
/// </summary>
public sealed class DemoFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private DemoServer? _server;

    internal DemoServer Server => _server ?? throw new InvalidOperationException("The fixture has not started.");

    internal IBrowser Browser => _browser ?? throw new InvalidOperationException("The fixture has not started.");

    internal IPlaywright Playwright => _playwright ?? throw new InvalidOperationException("The fixture has not started.");

    public async Task InitializeAsync()
    {
        // Interactive Server pages on a busy 2-core machine can take a while to attach; these are upper bounds, not timings.
        Assertions.SetDefaultExpectTimeout(30_000);
        var serverStart = DemoServer.StartAsync("demo-server");
        (_playwright, _browser) = await Infrastructure.Browser.LaunchAsync();
        _server = await serverStart;

        // The first circuit of a fresh server and browser is the slowest; start one here, with a generous bound.
        await using var warmUp = await OpenAsync("warm-up");
        await warmUp.Page.GotoAsync("/not-found");
        await warmUp.Page.Locator("[data-refine-interactive]").First.WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = 120_000 });
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
    }

    /// <summary>A new BrowserContext and page on <paramref name="server"/> (default: the shared one), named after the test for its screenshots.</summary>
    internal Task<BrowserSession> OpenAsync(string testName, DemoServer? server = null) =>
        BrowserSession.OpenAsync(Browser, server ?? Server, testName);
}
