using RefineSharp.Providers.Oidc.Tests.Infrastructure;

namespace RefineSharp.Providers.Oidc.Tests.Conformance;

/// <summary>
/// The sample identity server for the conformance run, on 127.0.0.1:6120 (its own port, so it runs beside the
/// protocol tests' server), with the same test client as <see cref="IdentityServerFixture"/>, so <see cref="RawOidcClient"/> drives it.
/// </summary>
public sealed class ConformanceIdentityServerFixture : IAsyncLifetime
{
    public const int Port = 6120;

    private AppProcess? _server;

    public string Issuer => (_server ?? throw new InvalidOperationException("Not started.")).BaseUrl + "/";

    public async Task InitializeAsync() => _server = await AppProcess.StartAsync("RefineSharp.IdentityServer", Port, new Dictionary<string, string>
    {
        ["Idp__Database"] = "{data}/idp.db",
        ["Idp__Clients__0__ClientId"] = IdentityServerFixture.ClientId,
        ["Idp__Clients__0__ClientSecret"] = IdentityServerFixture.ClientSecret,
        ["Idp__Clients__0__DisplayName"] = "Conformance tests",
        ["Idp__Clients__0__RedirectUris__0"] = IdentityServerFixture.RedirectUri,
        ["Idp__Clients__0__PostLogoutRedirectUris__0"] = IdentityServerFixture.PostLogoutRedirectUri,
    });

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            var data = _server.DataDirectory;
            await _server.DisposeAsync();
            AppProcess.DeleteData(data);
        }
    }
}
