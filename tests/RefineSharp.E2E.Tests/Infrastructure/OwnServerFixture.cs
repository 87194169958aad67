namespace RefineSharp.E2E.Tests.Infrastructure;

/// <summary>A demo server of a test class's own, started with extra configuration (environment variables).</summary>
public abstract class OwnServerFixture : IAsyncLifetime
{
    private readonly IReadOnlyDictionary<string, string> _environment;
    private DemoServer? _server;

    protected OwnServerFixture(IReadOnlyDictionary<string, string> environment) => _environment = environment;

    internal DemoServer Server => _server ?? throw new InvalidOperationException("The fixture has not started.");

    public async Task InitializeAsync() => _server = await DemoServer.StartAsync(GetType().Name, _environment);

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
