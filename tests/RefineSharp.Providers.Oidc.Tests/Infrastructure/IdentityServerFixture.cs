namespace RefineSharp.Providers.Oidc.Tests.Infrastructure;

/// <summary>The sample identity server on 127.0.0.1:5510, with a test client whose callback is a fixed URI nobody serves.</summary>
public sealed class IdentityServerFixture : IAsyncLifetime
{
    public const int Port = 5510;
    public const string ClientId = "protocol-tests";
    public const string ClientSecret = "protocol-tests-secret";
    public const string RedirectUri = "http://127.0.0.1:5511/callback";
    public const string PostLogoutRedirectUri = "http://127.0.0.1:5511/signed-out";

    private AppProcess? _server;

    internal AppProcess Server => _server ?? throw new InvalidOperationException("Not started.");

    public string Issuer => Server.BaseUrl + "/";

    public async Task InitializeAsync() => _server = await AppProcess.StartAsync("RefineSharp.IdentityServer", Port, new Dictionary<string, string>
    {
        ["Idp__Database"] = "{data}/idp.db",
        ["Idp__Clients__0__ClientId"] = ClientId,
        ["Idp__Clients__0__ClientSecret"] = ClientSecret,
        ["Idp__Clients__0__DisplayName"] = "Protocol tests",
        ["Idp__Clients__0__RedirectUris__0"] = RedirectUri,
        ["Idp__Clients__0__PostLogoutRedirectUris__0"] = PostLogoutRedirectUri,
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

[CollectionDefinition(Name)]
public sealed class IdentityServerCollection : ICollectionFixture<IdentityServerFixture>
{
    public const string Name = "IdentityServer";
}
