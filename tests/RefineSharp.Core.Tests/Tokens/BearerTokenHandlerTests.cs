using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using RefineSharp.Tokens;

namespace RefineSharp.Tests.Tokens;

public sealed class BearerTokenHandlerTests
{
    private readonly FakeTimeProvider _time = new(TokenSets.Start);
    private readonly MemoryTokenStore _store = new();
    private readonly CountingRefresher _refresher = new();
    private readonly StubHttpHandler _server = new();
    private readonly RecordingLoggerFactory _logs = new();

    private HttpClient CreateClient(params string[] allowedOrigins)
    {
        var coordinator = new TokenRefreshCoordinator(
            _store, _refresher, Options.Create(new TokenRefreshOptions()), _time, _logs.CreateLogger<TokenRefreshCoordinator>());
        var options = new BearerTokenHandlerOptions();
        foreach (var origin in allowedOrigins.DefaultIfEmpty("http://127.0.0.1"))
        {
            options.AllowedOrigins.Add(new Uri(origin));
        }

        var handler = new BearerTokenHandler(coordinator, Options.Create(options), _logs.CreateLogger<BearerTokenHandler>()) { InnerHandler = _server };
        return new HttpClient(handler) { BaseAddress = new Uri("http://127.0.0.1/") };
    }

    // The stub server accepts only the renewed token.
    private void AcceptOnlyRenewed() =>
        _server.Status = auth => auth == "Bearer renewed-access-1" ? HttpStatusCode.OK : HttpStatusCode.Unauthorized;

    [Fact]
    public async Task SendAsync_TokenStored_AttachesBearerHeader()
    {
        await _store.SetAsync(TokenSets.Fresh());
        using var client = CreateClient();

        using var response = await client.GetAsync(new Uri("posts", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Bearer access-1", Assert.Single(_server.Received).Authorization);
    }

    [Fact]
    public async Task SendAsync_NoToken_SendsWithoutAuthorization()
    {
        using var client = CreateClient();

        using var response = await client.GetAsync(new Uri("posts", UriKind.Relative));

        Assert.Null(Assert.Single(_server.Received).Authorization);
    }

    [Fact]
    public async Task SendAsync_ExpiredToken_RefreshesBeforeSending()
    {
        await _store.SetAsync(TokenSets.Expired());
        using var client = CreateClient();

        using var response = await client.GetAsync(new Uri("posts", UriKind.Relative));

        Assert.Equal("Bearer renewed-access-1", Assert.Single(_server.Received).Authorization);
        Assert.Equal(1, _refresher.Calls);
    }

    [Fact]
    public async Task SendAsync_Unauthorized_RefreshesAndRetriesOnceWithSameBody()
    {
        await _store.SetAsync(TokenSets.Fresh());
        AcceptOnlyRenewed();
        using var client = CreateClient();

        using var response = await client.PostAsJsonAsync(new Uri("posts", UriKind.Relative), new { Title = "hello" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var received = _server.Received.ToArray();
        Assert.Equal(2, received.Length);
        Assert.Equal("Bearer access-1", received[0].Authorization);
        Assert.Equal("Bearer renewed-access-1", received[1].Authorization);
        Assert.Equal(received[0].Body, received[1].Body);
        Assert.Contains("hello", received[1].Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_StillUnauthorizedAfterRefresh_ReturnsSecond401WithoutFurtherRetries()
    {
        await _store.SetAsync(TokenSets.Fresh());
        _server.Status = _ => HttpStatusCode.Unauthorized;
        using var client = CreateClient();

        using var response = await client.GetAsync(new Uri("posts", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(2, _server.Received.Count);
        Assert.Equal(1, _refresher.Calls);
    }

    [Fact]
    public async Task SendAsync_UnauthorizedWithStreamBody_RefreshesWithoutRetryingAndNextCallWorks()
    {
        await _store.SetAsync(TokenSets.Fresh());
        AcceptOnlyRenewed();
        using var client = CreateClient();
        using var body = new StreamContent(new MemoryStream("x"u8.ToArray()));

        using var response = await client.PostAsync(new Uri("upload", UriKind.Relative), body);
        using var next = await client.GetAsync(new Uri("posts", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(1, _refresher.Calls);
        Assert.Equal("renewed-access-1", (await _store.GetAsync())?.AccessToken);
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
        Assert.Equal(["Bearer access-1", "Bearer renewed-access-1"], _server.Received.Select(r => r.Authorization));
    }

    [Theory]
    [InlineData("http://evil.example/steal")]
    [InlineData("https://127.0.0.1/posts")]
    [InlineData("http://127.0.0.1:8080/posts")]
    [InlineData("http://127.0.0.1.evil.example/posts")]
    [InlineData("http://user@evil.example/posts")]
    public async Task SendAsync_OriginNotAllowed_SendsWithoutAuthorization(string target)
    {
        await _store.SetAsync(TokenSets.Fresh());
        using var client = CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(target));
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "set-by-hand");

        using var response = await client.SendAsync(request);

        var received = Assert.Single(_server.Received);
        Assert.Equal(new Uri(target), received.Uri);
        Assert.Null(received.Authorization);
    }

    [Fact]
    public async Task SendAsync_ConfiguredOrigin_ReceivesTokenAndOthersDoNot()
    {
        await _store.SetAsync(TokenSets.Fresh());
        using var client = CreateClient("https://api.example.com", "http://127.0.0.1");

        using (await client.GetAsync(new Uri("https://API.example.com:443/a")))
        {
        }

        using (await client.GetAsync(new Uri("https://api.example.com.evil.example/b")))
        {
        }

        Assert.Equal(["Bearer access-1", null], _server.Received.Select(r => r.Authorization));
    }

    [Fact]
    public async Task SendAsync_ForeignOrigin401_NeitherRefreshesNorRetries()
    {
        await _store.SetAsync(TokenSets.Fresh());
        _server.Status = _ => HttpStatusCode.Unauthorized;
        using var client = CreateClient();

        using var response = await client.GetAsync(new Uri("http://evil.example/"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0, _refresher.Calls);
        Assert.Equal("access-1", (await _store.GetAsync())?.AccessToken);
    }

    [Theory]
    [InlineData("https://api.example.com/v1")]
    [InlineData("https://api.example.com/?q=1")]
    [InlineData("https://user:pw@api.example.com/")]
    [InlineData("ftp://api.example.com/")]
    [InlineData("file:///etc/passwd")]
    public void Constructor_AllowedOriginIsNotAnOrigin_ThrowsNamingTheOption(string origin)
    {
        var coordinator = new TokenRefreshCoordinator(_store, _refresher);
        var options = new BearerTokenHandlerOptions();
        options.AllowedOrigins.Add(new Uri(origin));

        var error = Assert.Throws<OptionsValidationException>(() => new BearerTokenHandler(coordinator, Options.Create(options)));

        Assert.Contains("BearerTokenHandlerOptions.AllowedOrigins[0]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_RefreshFails_Returns401AndClearsTokens()
    {
        await _store.SetAsync(TokenSets.Fresh());
        _server.Status = _ => HttpStatusCode.Unauthorized;
        _refresher.Answer = _ => null;
        using var client = CreateClient();

        using var response = await client.GetAsync(new Uri("posts", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Single(_server.Received);
        Assert.Null(await _store.GetAsync());
    }

    [Fact]
    public async Task SendAsync_ConcurrentRequestsAllUnauthorized_RefreshOnceAndAllRetrySucceed()
    {
        await _store.SetAsync(TokenSets.Fresh());
        AcceptOnlyRenewed();
        using var client = CreateClient();

        var responses = await Task.WhenAll(Enumerable.Range(0, 30).Select(_ => Task.Run(() => client.GetAsync(new Uri("posts", UriKind.Relative)))));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(1, _refresher.Calls);
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    [Fact]
    public async Task SendAsync_RefreshAndRetryAndFailure_NeverLogsTokens()
    {
        _logs.Entries.Clear();
        await _store.SetAsync(TokenSets.Expired("secret-access"));
        AcceptOnlyRenewed();
        _refresher.Answer = _ => TokenSets.Fresh("secret-renewed");
        using var client = CreateClient();

        using (await client.GetAsync(new Uri("a", UriKind.Relative)))
        {
        }

        _server.Status = _ => HttpStatusCode.Unauthorized;
        _refresher.Throw = new InvalidOperationException("refresh refused");
        using (await client.GetAsync(new Uri("b", UriKind.Relative)))
        {
        }

        var text = _logs.AllText();
        Assert.NotEmpty(_logs.Entries);
        Assert.Contains("refresher threw", text, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", text, StringComparison.Ordinal);
        Assert.DoesNotContain("refresh-of-", text, StringComparison.Ordinal);
    }
}
