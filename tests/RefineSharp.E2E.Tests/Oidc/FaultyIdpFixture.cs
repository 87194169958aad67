using System.Net.Http.Json;
using Microsoft.Playwright;
using RefineSharp.E2E.Tests.Infrastructure;
using RefineSharp.Providers.Oidc.Tests.Infrastructure;

namespace RefineSharp.E2E.Tests.Oidc;

/// <summary>
/// The sample identity server with its test-only faults switched on (Idp:Faults:Enabled, set at run time through
/// PUT /testing/faults) on 127.0.0.1:6200, the OIDC demo against it on 6201, and Chromium.
/// </summary>
public sealed class FaultyIdpFixture : IAsyncLifetime
{
    public const int IdpPort = 6200;
    public const int AppPort = 6201;

    /// <summary>The ID token lifetime the server is started with (the clock tests shift its clock around it).</summary>
    public static readonly TimeSpan IdTokenLifetime = TimeSpan.FromMinutes(20);

    private string? _data;
    private AppProcess? _idp;
    private AppProcess? _app;

    public string IdpUrl => $"http://127.0.0.1:{IdpPort}";

    public string AppUrl => $"http://127.0.0.1:{AppPort}";

    internal AppProcess App => _app ?? throw new InvalidOperationException("Not started.");

    internal IPlaywright Playwright { get; private set; } = null!;

    internal IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Microsoft.Playwright.Assertions.SetDefaultExpectTimeout(30_000);
        _data = Directory.CreateTempSubdirectory("refinesharp-oidc-faults-").FullName;
        var browser = Infrastructure.Browser.LaunchAsync();
        _idp = await AppProcess.StartAsync("RefineSharp.IdentityServer", IdpPort, new Dictionary<string, string>
        {
            ["Idp__Database"] = Path.Combine(_data, "idp.db"),
            ["Idp__Faults__Enabled"] = "true",
            ["Idp__IdentityTokenLifetime"] = IdTokenLifetime.ToString("c"),
            ["Idp__Clients__0__RedirectUris__0"] = AppUrl + "/signin-oidc/callback/" + OidcFixture.Provider,
            ["Idp__Clients__0__PostLogoutRedirectUris__0"] = AppUrl + "/signin-oidc/signed-out/" + OidcFixture.Provider,
        }, _data);
        _app = await AppProcess.StartAsync("RefineSharp.OidcDemo", AppPort, new Dictionary<string, string>
        {
            ["Oidc__Authority"] = IdpUrl + "/",
        });
        (Playwright, Browser) = await browser;
    }

    /// <summary>Sets the identity server's faults from now on (everything left out is off).</summary>
    public async Task SetFaultsAsync(bool wrongNonce = false, string? issuer = null, TimeSpan clockOffset = default)
    {
        using var http = new HttpClient { BaseAddress = new Uri(IdpUrl) };
        using var response = await http.PutAsJsonAsync("/testing/faults", new { wrongNonce, issuer, clockOffset = clockOffset.ToString("c") });
        response.EnsureSuccessStatusCode();
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
            await File.WriteAllTextAsync(Path.Combine(RepositoryPaths.Artifacts, "oidc-faults-app.log"), _app.Output);
            AppProcess.DeleteData(_app.DataDirectory);
        }

        if (_idp is not null)
        {
            await _idp.DisposeAsync();
            await File.WriteAllTextAsync(Path.Combine(RepositoryPaths.Artifacts, "oidc-faults-idp.log"), _idp.Output);
        }

        if (_data is not null)
        {
            AppProcess.DeleteData(_data);
        }

        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        Playwright?.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class FaultyIdpCollection : ICollectionFixture<FaultyIdpFixture>
{
    public const string Name = "OidcFaults";
}
