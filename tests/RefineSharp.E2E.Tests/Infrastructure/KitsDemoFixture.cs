using Microsoft.Playwright;

namespace RefineSharp.E2E.Tests.Infrastructure;

/// <summary>
/// The UI-kits browser suite's servers: samples/RefineSharp.KitsDemo once per kit (Headless, MudBlazor, Fluent), and a
/// Chromium of its own. Its collection runs alone (DisableParallelization), after the demo's, so the 2 cores are not
/// shared between two browser suites.
/// </summary>
public sealed class KitsDemoFixture : IAsyncLifetime
{
    public static readonly string[] Kits = ["Headless", "MudBlazor", "Fluent"];

    private readonly Dictionary<string, DemoServer> _servers = new(StringComparer.Ordinal);
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    internal IBrowser Browser => _browser ?? throw new InvalidOperationException("The fixture has not started.");

    internal DemoServer Server(string kit) => _servers[kit];

    public async Task InitializeAsync()
    {
        Assertions.SetDefaultExpectTimeout(30_000);
        (_playwright, _browser) = await Infrastructure.Browser.LaunchAsync();
        foreach (var kit in Kits)
        {
            // One at a time: three cold starts at once on 2 cores only make each slower.
            _servers[kit] = await DemoServer.StartAsync(SampleProject.KitsDemo(kit), "kits-demo-" + kit.ToLowerInvariant());
        }
    }

    public async Task DisposeAsync()
    {
        foreach (var server in _servers.Values)
        {
            await server.DisposeAsync();
        }

        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
    }

    /// <summary>A new BrowserContext and page on the server of <paramref name="kit"/>.</summary>
    internal Task<BrowserSession> OpenAsync(string kit, string testName) => BrowserSession.OpenAsync(Browser, Server(kit), $"{testName}-{kit}");
}

/// <summary>The UI-kits browser suite; see <see cref="KitsDemoFixture"/>.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class KitsCollection : ICollectionFixture<KitsDemoFixture>
{
    public const string Name = "Kits";
}
