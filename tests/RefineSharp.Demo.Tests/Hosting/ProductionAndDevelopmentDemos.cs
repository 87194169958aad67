using RefineSharp.Demo.Data;

namespace RefineSharp.Demo.Tests.Hosting;

/// <summary>The demo in Production and in Development, each started once for this class.</summary>
public sealed class ProductionAndDevelopmentDemos : IAsyncLifetime
{
    private readonly string _db = HostedDemo.TempPath("demos") + ".db";
    private readonly string _devDb = HostedDemo.TempPath("demos-dev") + ".db";
    private readonly string _keys = HostedDemo.TempPath("keys");
    private HostedDemo? _production;
    private HostedDemo? _development;

    internal HttpClient Production { get; private set; } = null!;

    internal HttpClient Development { get; private set; } = null!;

    /// <summary>What the Production start's seeder printed (it seeds the known passwords on purpose).</summary>
    internal string ProductionSeedOutput => _production!.SeedOutput.ToString();

    public Task InitializeAsync()
    {
        _production = new HostedDemo("Production", new Dictionary<string, string>
        {
            ["Demo:Database"] = _db, ["Demo:DataProtectionKeys"] = _keys, [DemoSeeder.PasswordsKey] = "known",
        });
        Production = _production.Start();
        _development = new HostedDemo("Development", new Dictionary<string, string> { ["Demo:Database"] = _devDb, ["Demo:DataProtectionKeys"] = _keys });
        Development = _development.Start();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        Production.Dispose();
        Development.Dispose();
        await _production!.DisposeAsync();
        await _development!.DisposeAsync();
        HostedDemo.Delete(_db, _devDb, _keys);
    }
}
