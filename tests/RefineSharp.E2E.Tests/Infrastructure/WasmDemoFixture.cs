namespace RefineSharp.E2E.Tests.Infrastructure;

/// <summary>
/// The collection's two WebAssembly demo servers (samples/RefineSharp.WasmDemo): <see cref="Server"/> in the
/// standalone mode (provider and tokens in the browser; the Wasm and CrossTab tests) and <see cref="Hosted"/> in the
/// default hosted mode (Identity on a temporary SQLite file, server-side sessions, the API proxy). Tests open their
/// pages with <see cref="DemoFixture.OpenAsync"/> on one of them, so they share the collection's Chromium.
/// </summary>
public sealed class WasmDemoFixture : IAsyncLifetime
{
    private readonly string _hostedData = Directory.CreateTempSubdirectory("refinesharp-wasm-hosted-").FullName;
    private DemoServer? _server;
    private DemoServer? _hosted;

    /// <summary>The standalone mode.</summary>
    internal DemoServer Server => _server ?? throw new InvalidOperationException("The fixture has not started.");

    /// <summary>The hosted mode (the sample's default).</summary>
    internal DemoServer Hosted => _hosted ?? throw new InvalidOperationException("The fixture has not started.");

    public async Task InitializeAsync()
    {
        var standalone = DemoServer.StartAsync(SampleProject.WasmDemo, "wasm-demo-server", new Dictionary<string, string> { ["WasmDemo__Mode"] = "Standalone" });
        var hosted = DemoServer.StartAsync(SampleProject.WasmDemo, "wasm-hosted-server", new Dictionary<string, string>
        {
            ["WasmDemo__Mode"] = "Hosted",
            ["WasmDemo__Database"] = Path.Combine(_hostedData, "wasm-demo.db"),
        });
        _server = await standalone;
        _hosted = await hosted;
    }

    public async Task DisposeAsync()
    {
        foreach (var server in new[] { _server, _hosted })
        {
            if (server is not null)
            {
                await server.DisposeAsync();
            }
        }

        try
        {
            Directory.Delete(_hostedData, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open is left to the OS temp cleanup.
        }
    }
}
