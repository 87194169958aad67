using Microsoft.Playwright;

namespace RefineSharp.E2E.Tests.Infrastructure;

/// <summary>
/// The UI-kits browser suite's servers: samples/RefineSharp.KitsDemo once per kit (Headless, MudBlazor, Fluent), the
/// variants a test asks for (<see cref="KitServerVariant"/>: WebAssembly, short tokens, backend down), and a Chromium
/// of its own. Its collection runs alone (DisableParallelization), after the demo's, so the 2 cores are not
/// shared between two browser suites.
/// </summary>
public sealed class KitsDemoFixture : IAsyncLifetime
{
    public static readonly string[] Kits = ["Headless", "MudBlazor", "Fluent"];

    private readonly Dictionary<string, DemoServer> _servers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DemoServer> _variants = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _variantStart = new(1, 1);
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
        foreach (var server in _servers.Values.Concat(_variants.Values))
        {
            await server.DisposeAsync();
        }

        _variantStart.Dispose();

        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
    }

    /// <summary>A new BrowserContext and page on the server of <paramref name="kit"/>.</summary>
    internal Task<BrowserSession> OpenAsync(string kit, string testName) => BrowserSession.OpenAsync(Browser, Server(kit), $"{testName}-{kit}");

    /// <summary>
    /// A new BrowserContext and page on a server of <paramref name="kit"/> started with <paramref name="variant"/>'s
    /// settings. Those servers start at their first test, one at a time; a WebAssembly one also loads its browser app
    /// once, so the first test does not pay for the runtime's first download.
    /// </summary>
    internal async Task<BrowserSession> OpenAsync(string kit, KitServerVariant variant, string testName)
    {
        var key = $"{variant}-{kit}";
        await _variantStart.WaitAsync();
        try
        {
            if (!_variants.TryGetValue(key, out var server))
            {
                server = await DemoServer.StartAsync(SampleProject.KitsDemo(kit), "kits-" + key.ToLowerInvariant(), Settings(variant));
                _variants[key] = server;
                if (variant == KitServerVariant.WebAssembly)
                {
                    await using var warmUp = await BrowserSession.OpenAsync(Browser, server, "warm-up-" + key);
                    await warmUp.Page.GotoAsync("/login");
                    await warmUp.Page.Locator("[data-refine-interactive]").First.WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = 120_000 });
                }
            }

            return await BrowserSession.OpenAsync(Browser, server, $"{testName}-{kit}-{variant}");
        }
        finally
        {
            _variantStart.Release();
        }
    }

    private static Dictionary<string, string> Settings(KitServerVariant variant) => variant switch
    {
        KitServerVariant.WebAssembly => new() { ["RenderMode"] = "WebAssembly" },
        KitServerVariant.ShortTokens => new() { ["KitsDemo__AccessTokenLifetime"] = "00:00:02", ["KitsDemo__TokenRefreshSkew"] = "00:00:00" },
        KitServerVariant.BackendDown => new() { ["KitsDemo__IdentityBaseAddress"] = $"http://127.0.0.1:{ClosedPort}/identity" },
        _ => throw new ArgumentOutOfRangeException(nameof(variant)),
    };

    /// <summary>The port, of this suite's range, that the BackendDown servers' provider calls: nothing listens there.</summary>
    public const int ClosedPort = 6499;
}

/// <summary>How a kits server of <see cref="KitsDemoFixture.OpenAsync(string, KitServerVariant, string)"/> differs from the default one.</summary>
internal enum KitServerVariant
{
    /// <summary>RenderMode=WebAssembly: every page in the browser, the session on the server.</summary>
    WebAssembly,

    /// <summary>Access tokens live 2 s and are used until they expire, so a session ended on the server shows at the next check.</summary>
    ShortTokens,

    /// <summary>The provider calls <see cref="KitsDemoFixture.ClosedPort"/>: the Identity backend is down.</summary>
    BackendDown,
}

/// <summary>The UI-kits browser suite; see <see cref="KitsDemoFixture"/>.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class KitsCollection : ICollectionFixture<KitsDemoFixture>
{
    public const string Name = "Kits";
}
