using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using RefineSharp.Tokens;

namespace RefineSharp.Demo.Tests;

/// <summary>
/// The demo on Kestrel at 127.0.0.1 on a free port, with its database in a temp file, in the Production environment
/// with the outbox switched on by option and tokens kept in memory. Subclasses add settings (for example tight rate
/// limits) and test services; each instance is a server of its own, so their rate-limit counters never meet.
/// </summary>
public class DemoAppFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly string _dbPath = Path.Combine(Path.GetTempPath(), $"refinesharp-demo-{Guid.NewGuid():N}.db");
    private readonly IReadOnlyDictionary<string, string> _settings;

    public DemoAppFactory()
        : this(new Dictionary<string, string>())
    {
    }

    protected DemoAppFactory(IReadOnlyDictionary<string, string> settings)
    {
        _settings = settings;
        UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
    }

    public Uri Address { get; private set; } = null!;

    public string DatabasePath => _dbPath;

    public Task InitializeAsync()
    {
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        Address = new Uri(addresses.Single());
        return Task.CompletedTask;
    }

    public HttpClient CreateRealClient() => new() { BaseAddress = Address };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("Demo:Database", _dbPath);
        builder.UseSetting("Demo:EnableOutbox", "true");
        // Production seeds generated passwords; these tests sign in with the documented ones, so they opt in explicitly.
        builder.UseSetting("Demo:SeedPasswords", "known");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        // These tests drive the circuit's services from a plain DI scope, where no browser exists to hold the tokens:
        // the demo's localStorage store is swapped for memory (the browser tests cover the real one).
        builder.ConfigureTestServices(services =>
        {
            services.Replace(ServiceDescriptor.Scoped<ITokenStore, MemoryTokenStore>());
            ConfigureTestServices(services);
        });
    }

    /// <summary>Test services on top of the demo's (after them, so a registration here wins).</summary>
    protected virtual void ConfigureTestServices(IServiceCollection services)
    {
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        // This database's pool only: ClearAllPools also closes the pooled connections of classes running in parallel
        // (seen: another class's request failing with ObjectDisposedException on its SQLite handle).
        using (var connection = new SqliteConnection($"Data Source={_dbPath}"))
        {
            SqliteConnection.ClearPool(connection);
        }

        File.Delete(_dbPath);
    }
}
