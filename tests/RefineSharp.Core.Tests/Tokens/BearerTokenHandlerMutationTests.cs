using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using RefineSharp.Tokens;

namespace RefineSharp.Tests.Tokens;

// Written against the mutants Stryker left alive in Tokens/BearerTokenHandler.cs (docs/quality.md): argument checks,
// the origin test, the token type of the header, what a retry carries, the log lines of a 401 and a failing refresh.
public sealed class BearerTokenHandlerMutationTests
{
    private readonly FakeTimeProvider _time = new(TokenSets.Start);
    private readonly MemoryTokenStore _store = new();
    private readonly CountingRefresher _refresher = new();
    private readonly RecordingServer _server = new();
    private readonly EventLogger _logs = new();

    private BearerTokenHandler CreateHandler(ITokenStore? store = null, bool withLogger = true)
    {
        var coordinator = new TokenRefreshCoordinator(store ?? _store, _refresher, Options.Create(new TokenRefreshOptions()), _time);
        var options = new BearerTokenHandlerOptions();
        options.AllowedOrigins.Add(new Uri("http://127.0.0.1"));
        return new BearerTokenHandler(coordinator, Options.Create(options), withLogger ? _logs : null) { InnerHandler = _server };
    }

    private HttpClient CreateClient(ITokenStore? store = null, bool withLogger = true) =>
        new(CreateHandler(store, withLogger)) { BaseAddress = new Uri("http://127.0.0.1/") };

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

    [Fact]
    public async Task SendAsync_OtherHostWithoutLogger_SendsWithoutTheTokenAndLogsNothing()
    {
        await _store.SetAsync(TokenSets.Fresh());
        using var client = CreateClient(withLogger: false);

        using var response = await client.GetAsync(new Uri("http://evil.example/steal"));

        Assert.Null(Assert.Single(_server.Received).Authorization);
    }

    [Fact]
    public async Task SendAsync_OtherHost_SendsWithoutTheTokenMarksItAndLogs()
    {
        await _store.SetAsync(TokenSets.Fresh());
        using var client = CreateClient();

        using var response = await client.GetAsync(new Uri("http://evil.example/steal"));

        var received = Assert.Single(_server.Received);
        Assert.Null(received.Authorization);
        Assert.True(received.TokenWithheld);
        Assert.Equal(["Debug 112"], _logs.Events());
    }

    [Fact]
    public async Task SendAsync_RelativeRequestUri_IsNeverGivenTheToken()
    {
        await _store.SetAsync(TokenSets.Fresh());
        using var invoker = new HttpMessageInvoker(CreateHandler());
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("posts", UriKind.Relative));

        using var response = await invoker.SendAsync(request, CancellationToken.None);

        Assert.Null(Assert.Single(_server.Received).Authorization);
    }

    // Only http(s) origins are compared at all: a non-http base address never makes its scheme's requests eligible.
    [Fact]
    public async Task SendAsync_NonHttpTargetOnANonHttpBaseAddress_IsNeverGivenTheToken()
    {
        await _store.SetAsync(TokenSets.Fresh());
        var handler = CreateHandler();
        handler.BaseAddress = () => new Uri("ftp://127.0.0.1/");
        using var invoker = new HttpMessageInvoker(handler);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("ftp://127.0.0.1/file"));

        using var response = await invoker.SendAsync(request, CancellationToken.None);

        Assert.Null(Assert.Single(_server.Received).Authorization);
    }

    [Fact]
    public async Task SendAsync_RetryAfterRefresh_LogsItDisposesThe401AndCarriesTheRequestOptions()
    {
        await _store.SetAsync(TokenSets.Fresh());
        _server.Status = auth => auth == "Bearer renewed-access-1" ? HttpStatusCode.OK : HttpStatusCode.Unauthorized;
        using var client = CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("posts", UriKind.Relative));
        request.Options.Set(new HttpRequestOptionsKey<string>("app.trace"), "t-1");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(new string?[] { "t-1", "t-1" }, _server.Received.Select(r => r.Trace).ToArray());
        Assert.True(_server.Responses.First().Disposed);
        Assert.Equal(["Debug 107"], _logs.Events());
    }

    [Fact]
    public async Task SendAsync_401WithStreamBody_RefreshesWithoutRetryAndSaysSo()
    {
        await _store.SetAsync(TokenSets.Fresh());
        _server.Status = _ => HttpStatusCode.Unauthorized;
        using var client = CreateClient();
        using var content = new StreamContent(new MemoryStream([1, 2, 3]));

        using var response = await client.PostAsync(new Uri("posts", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Single(_server.Received);
        Assert.Equal(["Debug 111"], _logs.Events());
    }

    [Fact]
    public async Task SendAsync_401WithStreamBodyAndRefreshRefused_SaysItIsNotRetryable()
    {
        await _store.SetAsync(TokenSets.Fresh());
        _refresher.Answer = _ => null;
        _server.Status = _ => HttpStatusCode.Unauthorized;
        using var client = CreateClient();
        using var content = new StreamContent(new MemoryStream([1, 2, 3]));

        using var response = await client.PostAsync(new Uri("posts", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(["Debug 108"], _logs.Events());
    }

    [Fact]
    public async Task SendAsync_StoreFailsDuringTheRefreshAfterA401_ThrowsAndDisposesThe401()
    {
        _server.Status = _ => HttpStatusCode.Unauthorized;
        using var client = CreateClient(new FailOnSecondReadStore(TokenSets.Fresh()));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => client.GetAsync(new Uri("posts", UriKind.Relative)));

        Assert.Equal("store down", error.Message);
        Assert.True(Assert.Single(_server.Responses).Disposed);
    }

    private sealed class RecordingServer : HttpMessageHandler
    {
        private static readonly HttpRequestOptionsKey<string> Trace = new("app.trace");

        public System.Collections.Concurrent.ConcurrentQueue<(string? Authorization, string? Tenant, string? Trace, bool TokenWithheld)> Received { get; } = new();

        public System.Collections.Concurrent.ConcurrentQueue<TrackedContent> Responses { get; } = new();

        public Func<string?, HttpStatusCode> Status { get; set; } = _ => HttpStatusCode.OK;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var authorization = request.Headers.Authorization?.ToString();
            var tenant = request.Headers.TryGetValues("X-Tenant", out var values) ? string.Join(",", values) : null;
            var trace = request.Options.TryGetValue(Trace, out var t) ? t : null;
            var withheld = request.Options.TryGetValue(new HttpRequestOptionsKey<bool>("RefineSharp.TokenWithheld"), out var w) && w;
            Received.Enqueue((authorization, tenant, trace, withheld));
            var content = new TrackedContent();
            Responses.Enqueue(content);
            return Task.FromResult(new HttpResponseMessage(Status(authorization)) { RequestMessage = request, Content = content });
        }
    }

    internal sealed class TrackedContent : ByteArrayContent
    {
        public TrackedContent()
            : base([])
        {
        }

        public bool Disposed { get; private set; }

        protected override void Dispose(bool disposing)
        {
            Disposed = true;
            base.Dispose(disposing);
        }
    }

    // Answers the first read (the token for the request) and throws on the next (the one the 401's refresh makes).
    private sealed class FailOnSecondReadStore(TokenSet tokens) : ITokenStore
    {
        private int _reads;

        public ValueTask<TokenSet?> GetAsync(CancellationToken cancellationToken = default) =>
            Interlocked.Increment(ref _reads) == 1 ? new(tokens) : throw new InvalidOperationException("store down");

        public ValueTask SetAsync(TokenSet tokens, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

        public ValueTask ClearAsync(CancellationToken cancellationToken = default) => ValueTask.CompletedTask;
    }

    // Records "Level EventId" per entry.
    private sealed class EventLogger : ILogger<BearerTokenHandler>
    {
        private readonly System.Collections.Concurrent.ConcurrentQueue<string> _events = new();

        public IReadOnlyList<string> Events() => [.. _events];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            _events.Enqueue($"{logLevel} {eventId.Id}");
    }
}
