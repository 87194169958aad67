using RefineSharp.Packaging.Tests.Infrastructure;

namespace RefineSharp.Packaging.Tests.Templates;

/// <summary>
/// What a template app signs in against: nothing for InMemory and Identity (the app is its own backend), RefineSharp's
/// sample JWT API for Jwt, and the sample identity server (OpenIddict, its own SQLite file, this app's callback
/// registered) for Oidc; each a real process on a loopback port, built with this repository.
/// </summary>
internal sealed class TemplateBackend : IAsyncDisposable
{
    public const string OidcProviderName = "refine-idp";

    private readonly AppProcess? _server;
    private readonly string? _data;

    private TemplateBackend(string email, IReadOnlyDictionary<string, string> appSettings, AppProcess? server = null, string? data = null)
    {
        Email = email;
        AppSettings = appSettings;
        _server = server;
        _data = data;
    }

    /// <summary>The development account with the admin role.</summary>
    public string Email { get; }

    /// <summary>The app's settings that point it at this backend (environment variables).</summary>
    public IReadOnlyDictionary<string, string> AppSettings { get; }

    /// <summary>The identity server's address when the app signs in through one (Oidc), else null.</summary>
    public string? IdentityServerUrl => _data is null ? null : _server?.BaseUrl;

    public static async Task<TemplateBackend> StartAsync(string provider, string appUrl)
    {
        switch (provider)
        {
            case "Jwt":
            {
                var api = await AppProcess.StartAsync(Sample("RefineSharp.JwtApi"), "RefineSharp.JwtApi", "template-jwt-api",
                    $"http://127.0.0.1:{FreePort.Next()}", new Dictionary<string, string>());
                return new TemplateBackend("admin@jwt.local", new Dictionary<string, string> { ["JwtApi__BaseAddress"] = api.BaseUrl + "/" }, api);
            }

            case "Oidc":
            {
                var data = Directory.CreateTempSubdirectory("refinesharp-template-idp-").FullName;
                var idp = await AppProcess.StartAsync(Sample("RefineSharp.IdentityServer"), "RefineSharp.IdentityServer", "template-identity-server",
                    $"http://127.0.0.1:{FreePort.Next()}", new Dictionary<string, string>
                    {
                        ["Idp__Database"] = Path.Combine(data, "idp.db"),
                        ["Idp__Clients__0__RedirectUris__0"] = $"{appUrl}/signin-oidc/callback/{OidcProviderName}",
                        ["Idp__Clients__0__PostLogoutRedirectUris__0"] = $"{appUrl}/signin-oidc/signed-out/{OidcProviderName}",
                    });
                return new TemplateBackend("admin@idp.local", new Dictionary<string, string> { ["Oidc__Authority"] = idp.BaseUrl + "/" }, idp, data);
            }

            default:
                return new TemplateBackend("admin@example.com", new Dictionary<string, string>());
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        if (_data is not null)
        {
            PackageFeed.TryDelete(_data);
        }
    }

    private static string Sample(string name)
    {
        var directory = Path.Combine(RepositoryPaths.Root, "samples", name);
        return File.Exists(Path.Combine(directory, "bin", "Release", "net10.0", name + ".dll"))
            ? directory
            : throw new InvalidOperationException($"samples/{name} is not built in Release: build RefineSharp.slnx (or this test project) first.");
    }
}
