using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using RefineSharp.Tests.Concurrency;
using RefineSharp.Tests.Tokens;
using RefineSharp.Tokens;

namespace RefineSharp.Tests.Http;

/// <summary>The whole chain of an AddAuthenticatedHttpClient client: AuthErrorHandler, BearerTokenHandler, the server.</summary>
public sealed class BearerTokenChainTests : IAsyncDisposable
{
    private readonly StubHttpHandler _server = new();
    private readonly ServiceProvider _root;
    private readonly AsyncServiceScope _scope;

    public BearerTokenChainTests()
    {
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(new FakeTimeProvider(TokenSets.Start));
        services.AddRefine()
            .AddAuthProvider(sp => new TokenTestProvider(sp.GetRequiredService<ITokenStore>()))
            .AddTokenRefresh<CountingRefresher>()
            .AddAuthenticatedHttpClient<ApiClient>((_, http) => http.BaseAddress = new Uri("https://api.example.com/v1/"));
        services.AddHttpClient("RefineSharp:" + typeof(ApiClient).FullName).ConfigurePrimaryHttpMessageHandler(() => _server);
        _root = services.BuildServiceProvider();
        _scope = _root.CreateAsyncScope();
    }

    private IServiceProvider Services => _scope.ServiceProvider;

    private HttpClient Http => Services.GetRequiredService<ApiClient>().Http;

    private ITokenStore Store => Services.GetRequiredService<ITokenStore>();

    private TokenTestProvider Provider => (TokenTestProvider)Services.GetRequiredService<AuthProvider>();

    private CountingRefresher Refresher => Services.GetRequiredService<CountingRefresher>();

    [Fact]
    public async Task SendAsync_StreamBody401WithRenewableSession_RefreshesKeepsSessionAndReturns401()
    {
        await Store.SetAsync(TokenSets.Fresh());
        _server.Status = auth => auth == "Bearer renewed-access-1" ? HttpStatusCode.OK : HttpStatusCode.Unauthorized;
        using var body = new StreamContent(new MemoryStream("upload"u8.ToArray()));

        using var response = await Http.PostAsync(new Uri("upload", UriKind.Relative), body);
        using var next = await Http.GetAsync(new Uri("posts", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0, Provider.Logouts);
        Assert.Equal(1, Refresher.Calls);
        Assert.Equal("renewed-access-1", (await Store.GetAsync())?.AccessToken);
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
    }

    [Fact]
    public async Task SendAsync_StreamBody401AndRefreshRefused_EndsTheSessionOnce()
    {
        await Store.SetAsync(TokenSets.Fresh());
        _server.Status = _ => HttpStatusCode.Unauthorized;
        Refresher.Answer = _ => null;
        using var body = new StreamContent(new MemoryStream("upload"u8.ToArray()));

        using var response = await Http.PostAsync(new Uri("upload", UriKind.Relative), body);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Null(await Store.GetAsync());
        Assert.Equal(1, Provider.Logouts);
    }

    [Fact]
    public async Task SendAsync_BaseAddressOrigin_ReceivesTokenWithoutConfiguration()
    {
        await Store.SetAsync(TokenSets.Fresh());

        using var response = await Http.GetAsync(new Uri("https://api.example.com/other/path"));

        Assert.Equal("Bearer access-1", Assert.Single(_server.Received).Authorization);
    }

    [Fact]
    public async Task SendAsync_ForeignOriginAnswers401_NoTokenSentAndSessionKept()
    {
        await Store.SetAsync(TokenSets.Fresh());
        _server.Status = _ => HttpStatusCode.Unauthorized;

        using var response = await Http.GetAsync(new Uri("https://evil.example/collect"));

        Assert.Null(Assert.Single(_server.Received).Authorization);
        Assert.Equal(0, Provider.Logouts);
        Assert.Equal("access-1", (await Store.GetAsync())?.AccessToken);
    }

    [Fact]
    public async Task SendAsync_OwnOrigin401AfterFailedRetry_StillEndsTheSession()
    {
        await Store.SetAsync(TokenSets.Fresh());
        _server.Status = _ => HttpStatusCode.Unauthorized;

        using var response = await Http.GetAsync(new Uri("posts", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(1, Provider.Logouts);
        Assert.Null(await Store.GetAsync());
    }

    public async ValueTask DisposeAsync()
    {
        await _scope.DisposeAsync();
        await _root.DisposeAsync();
    }

    private sealed class ApiClient(HttpClient http)
    {
        public HttpClient Http => http;
    }
}
