using System.Net;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using RefineSharp.Tokens;

namespace RefineSharp.Tests.Tokens;

// Written against the mutants Stryker left alive in Tokens/BearerTokenHandler.cs (docs/quality.md): argument checks,
// the origin test, the token type of the header and the headers a retry carries.
public sealed class BearerTokenHandlerMutationTests
{
    private readonly FakeTimeProvider _time = new(TokenSets.Start);
    private readonly MemoryTokenStore _store = new();
    private readonly CountingRefresher _refresher = new();
    private readonly RecordingServer _server = new();

    private HttpClient CreateClient()
    {
        var coordinator = new TokenRefreshCoordinator(_store, _refresher, Options.Create(new TokenRefreshOptions()), _time);
        var options = new BearerTokenHandlerOptions();
        options.AllowedOrigins.Add(new Uri("http://127.0.0.1"));
        var handler = new BearerTokenHandler(coordinator, Options.Create(options)) { InnerHandler = _server };
        return new HttpClient(handler) { BaseAddress = new Uri("http://127.0.0.1/") };
    }

    [Fact]
    public void Constructor_NullArguments_Throw()
    {
        var coordinator = new TokenRefreshCoordinator(_store, _refresher);

        Assert.Equal("coordinator", Assert.Throws<ArgumentNullException>(() => new BearerTokenHandler(null!, Options.Create(new BearerTokenHandlerOptions()))).ParamName);
        Assert.Equal("options", Assert.Throws<ArgumentNullException>(() => new BearerTokenHandler(coordinator, (IOptions<BearerTokenHandlerOptions>)null!)).ParamName);
    }

    [Theory]
    [InlineData("http://api.example", true)]
    [InlineData("https://api.example:8443/", true)]
    [InlineData("ftp://api.example", false)]
    [InlineData("http://api.example/path", false)]
    [InlineData("http://api.example/?q=1", false)]
    [InlineData("http://api.example/#f", false)]
    [InlineData("http://user@api.example", false)]
    [InlineData("file:///c:/x", false)]
    public void IsOrigin_Uri_IsTrueOnlyForABareHttpOrigin(string uri, bool expected) => Assert.Equal(expected, BearerTokenHandler.IsOrigin(new Uri(uri)));

    [Fact]
    public void IsOrigin_NullOrRelative_IsFalse()
    {
        Assert.False(BearerTokenHandler.IsOrigin(null));
        Assert.False(BearerTokenHandler.IsOrigin(new Uri("/x", UriKind.Relative)));
    }

    [Theory]
    [InlineData("DPoP", "DPoP access-1")]
    [InlineData("", "Bearer access-1")]
    public async Task SendAsync_TokenType_IsTheSchemeOrBearerWhenEmpty(string tokenType, string expected)
    {
        await _store.SetAsync(TokenSets.Fresh() with { TokenType = tokenType });
        using var client = CreateClient();

        using var response = await client.GetAsync(new Uri("posts", UriKind.Relative));

        Assert.Equal(expected, Assert.Single(_server.Received).Authorization);
    }

    [Fact]
    public async Task SendAsync_RetryAfterRefresh_CarriesTheOriginalHeaders()
    {
        await _store.SetAsync(TokenSets.Fresh());
        _server.Status = auth => auth == "Bearer renewed-access-1" ? HttpStatusCode.OK : HttpStatusCode.Unauthorized;
        using var client = CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("posts", UriKind.Relative));
        request.Headers.Add("X-Tenant", "t-42");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(
            [("Bearer access-1", "t-42"), ("Bearer renewed-access-1", "t-42")],
            _server.Received.Select(r => (r.Authorization, r.Tenant)).ToArray());
    }

    private sealed class RecordingServer : HttpMessageHandler
    {
        public System.Collections.Concurrent.ConcurrentQueue<(string? Authorization, string? Tenant)> Received { get; } = new();

        public Func<string?, HttpStatusCode> Status { get; set; } = _ => HttpStatusCode.OK;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var authorization = request.Headers.Authorization?.ToString();
            var tenant = request.Headers.TryGetValues("X-Tenant", out var values) ? string.Join(",", values) : null;
            Received.Enqueue((authorization, tenant));
            return Task.FromResult(new HttpResponseMessage(Status(authorization)) { RequestMessage = request });
        }
    }
}
