namespace RefineSharp.E2E.Tests.Infrastructure;

/// <summary>
/// The collection's WebAssembly demo server (samples/RefineSharp.WasmDemo). Tests open their pages with
/// <see cref="DemoFixture.OpenAsync"/> on <see cref="Server"/>, so they share the collection's Chromium.
/// </summary>
public sealed class WasmDemoFixture : IAsyncLifetime
{
    private DemoServer? _server;

    internal DemoServer Server => _server ?? throw new InvalidOperationException("The fixture has not started.");

    public async Task InitializeAsync() => _server = await DemoServer.StartAsync(SampleProject.WasmDemo, "wasm-demo-server");

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
