using Microsoft.Playwright;
using RefineSharp.Providers.Oidc.Tests.Infrastructure;

namespace RefineSharp.E2E.Tests.Infrastructure;

/// <summary>
/// The sample identity server and the OIDC demo, each a real process on a fixed loopback port (each must know the
/// other's address before it starts), plus Chromium. Access tokens live 40 s and the demo refreshes them 30 s before
/// they expire, so any page load more than 10 s after a sign-in or refresh goes through a real refresh-token rotation;
/// the identity server detects reuse strictly (no leeway).
/// </summary>
public abstract class OidcFixture : IAsyncLifetime
{
    public const string Provider = "refine-idp";
    private readonly int _idpPort;
    private readonly int _appPort;
    private AppProcess? _idp;
    private AppProcess? _app;
    private string? _idpData;

    protected OidcFixture(int idpPort, int appPort)
    {
        _idpPort = idpPort;
        _appPort = appPort;
    }

    public string IdpUrl => $"http://127.0.0.1:{_idpPort}";

    public string AppUrl => $"http://127.0.0.1:{_appPort}";

    public string IdpDatabase => Path.Combine(_idpData!, "idp.db");

    internal AppProcess App => _app ?? throw new InvalidOperationException("Not started.");

    internal AppProcess Idp => _idp ?? throw new InvalidOperationException("Not started.");

    internal IPlaywright Playwright { get; private set; } = null!;

    internal IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Assertions.SetDefaultExpectTimeout(30_000);
        _idpData = Directory.CreateTempSubdirectory("refinesharp-oidc-idp-").FullName;
        var browser = Infrastructure.Browser.LaunchAsync();
        await StartIdpAsync();
        _app = await AppProcess.StartAsync("RefineSharp.OidcDemo", _appPort, new Dictionary<string, string>
        {
            ["Oidc__Authority"] = IdpUrl + "/",
            ["Oidc__TokenRefreshSkew"] = "00:00:30",
            ["Logging__LogLevel__RefineSharp"] = "Debug",
        });
        (Playwright, Browser) = await browser;
    }

    /// <summary>Starts (or restarts) the identity server on its port, keeping its database.</summary>
    public async Task StartIdpAsync() => _idp = await AppProcess.StartAsync("RefineSharp.IdentityServer", _idpPort, new Dictionary<string, string>
    {
        ["Idp__Database"] = Path.Combine(_idpData!, "idp.db"),
        ["Idp__AccessTokenLifetime"] = "00:00:40",
        ["Idp__Clients__0__RedirectUris__0"] = AppUrl + "/signin-oidc/callback/" + Provider,
        ["Idp__Clients__0__PostLogoutRedirectUris__0"] = AppUrl + "/signin-oidc/signed-out/" + Provider,
        // The bad-input tests run a second demo (wrong secret) on the next port against this identity server.
        ["Idp__Clients__0__RedirectUris__1"] = SecondAppUrl + "/signin-oidc/callback/" + Provider,
    }, _idpData);

    /// <summary>Where a second, misconfigured demo may run against this identity server.</summary>
    public string SecondAppUrl => $"http://127.0.0.1:{_appPort + 3}";

    public Task StopIdpAsync() => Idp.StopAsync();

    public async Task DisposeAsync()
    {
        var name = GetType().Name;
        if (_app is not null)
        {
            await _app.DisposeAsync();
            await File.WriteAllTextAsync(Path.Combine(RepositoryPaths.Artifacts, name + "-app.log"), _app.Output);
            AppProcess.DeleteData(_app.DataDirectory);
        }

        if (_idp is not null)
        {
            await _idp.DisposeAsync();
            await File.WriteAllTextAsync(Path.Combine(RepositoryPaths.Artifacts, name + "-idp.log"), _idp.Output);
        }

        if (_idpData is not null)
        {
            AppProcess.DeleteData(_idpData);
        }

        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        Playwright?.Dispose();
    }
}

/// <summary>The shared OIDC pair (ports 5520 and 5521; 5524 for a second demo, 5525 and 5526 for a fake server and its demo).</summary>
public sealed class SharedOidcFixture() : OidcFixture(5520, 5521);

/// <summary>A pair of its own for the test that stops the identity server (ports 5522 and 5523).</summary>
public sealed class OutageOidcFixture() : OidcFixture(5522, 5523);

[CollectionDefinition(Name)]
public sealed class OidcCollection : ICollectionFixture<SharedOidcFixture>
{
    public const string Name = "Oidc";
}
