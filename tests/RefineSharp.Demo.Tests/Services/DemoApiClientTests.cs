using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using RefineSharp.Demo.Data;
using RefineSharp.Demo.Services;

namespace RefineSharp.Demo.Tests.Services;

public sealed class DemoApiClientTests(DemoAppFactory demo) : IClassFixture<DemoAppFactory>
{
    /// <summary>Answers every request with what the test says (a status and body, or an exception).</summary>
    private sealed class Answer(Func<HttpRequestMessage, CancellationToken, HttpResponseMessage> answer) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(answer(request, cancellationToken));
    }

    private static DemoApiClient Client(Func<HttpRequestMessage, CancellationToken, HttpResponseMessage> answer) =>
        new(new HttpClient(new Answer(answer)) { BaseAddress = new Uri("http://127.0.0.1/") }, NullLogger<DemoApiClient>.Instance);

    private static Func<HttpRequestMessage, CancellationToken, HttpResponseMessage> Status(HttpStatusCode status, string body = "{}", string type = "application/json") =>
        (_, _) => new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, type) };

    public static TheoryData<string, ApiFailure> Outcomes => new()
    {
        { "401", ApiFailure.SignedOut },
        { "403", ApiFailure.Forbidden },
        { "404", ApiFailure.Unavailable },
        { "429", ApiFailure.Unavailable },
        { "500", ApiFailure.Unavailable },
        { "502", ApiFailure.Unavailable },
        { "503", ApiFailure.Unavailable },
        { "200 html", ApiFailure.Unavailable },
        { "200 null", ApiFailure.Unavailable },
        { "200 wrong shape", ApiFailure.Unavailable },
        { "200 truncated", ApiFailure.Unavailable },
        { "connection refused", ApiFailure.Unavailable },
        { "timeout", ApiFailure.Unavailable },
    };

    private static Func<HttpRequestMessage, CancellationToken, HttpResponseMessage> Arrange(string outcome) => outcome switch
    {
        "200 html" => Status(HttpStatusCode.OK, "<!DOCTYPE html><html>Sign in</html>", "text/html"),
        "200 null" => Status(HttpStatusCode.OK, "null"),
        "200 wrong shape" => Status(HttpStatusCode.OK, "[1,2,3]"),
        "200 truncated" => Status(HttpStatusCode.OK, "{\"users\":"),
        "connection refused" => (_, _) => throw new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused (api.internal:5000)"),
        // HttpClient's own timeout surfaces as a TaskCanceledException the caller did not ask for.
        "timeout" => (_, _) => throw new TaskCanceledException("The request was canceled due to the configured HttpClient.Timeout of 100 seconds elapsing."),
        _ => Status((HttpStatusCode)int.Parse(outcome, System.Globalization.CultureInfo.InvariantCulture), "{\"title\":\"internal detail\"}"),
    };

    [Theory]
    [MemberData(nameof(Outcomes))]
    public async Task LoadAdminStatsAsync_FailedAnswer_ReturnsTheFailureWithAGenericMessage(string outcome, ApiFailure expected)
    {
        var api = Client(Arrange(outcome));

        var result = await api.LoadAdminStatsAsync();

        Assert.Equal(expected, result.Failure);
        Assert.False(result.Succeeded);
        Assert.Null(result.Value);
        Assert.NotNull(result.Message);
        Assert.DoesNotMatch(@"\d{3}|api\.internal|detail|Timeout|Exception", result.Message);
    }

    [Theory]
    [MemberData(nameof(Outcomes))]
    public async Task LoadPostsAsync_FailedAnswer_ReturnsTheFailure(string outcome, ApiFailure expected)
    {
        var api = Client(Arrange(outcome == "200 wrong shape" ? "200 truncated" : outcome));

        var result = await api.LoadPostsAsync();

        Assert.Equal(expected, result.Failure);
        Assert.Null(result.Value);
    }

    [Fact]
    public async Task LoadAdminStatsAsync_Forbidden_MessageSaysNoAccess()
    {
        var result = await Client(Status(HttpStatusCode.Forbidden)).LoadAdminStatsAsync();

        Assert.Equal("You don't have access to this.", result.Message);
    }

    [Fact]
    public async Task LoadAdminStatsAsync_CallerCancels_Throws()
    {
        // The page went away: that is not a server failure to show, and nobody reads the answer.
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        var api = Client((_, token) =>
        {
            token.ThrowIfCancellationRequested();
            return new HttpResponseMessage(HttpStatusCode.OK);
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => api.LoadAdminStatsAsync(cancelled.Token));
    }

    [Fact]
    public async Task LoadAdminStatsAsync_EditorThroughTheCircuitPipeline_ForbiddenWithoutExceptionAndStaysSignedIn()
    {
        await using var scope = demo.Services.CreateAsyncScope();
        var auth = scope.ServiceProvider.GetRequiredService<AuthManager>();
        var api = scope.ServiceProvider.GetRequiredService<DemoApiClient>();
        await auth.LoginAsync(new LoginRequest { Email = DemoSeeder.EditorEmail, Password = DemoSeeder.EditorPassword });

        var stats = await api.LoadAdminStatsAsync();
        var posts = await api.LoadPostsAsync();

        Assert.Equal(ApiFailure.Forbidden, stats.Failure);
        Assert.True((await auth.CheckAsync()).Authenticated);
        Assert.True(posts.Succeeded);
        Assert.Equal(20, posts.Value!.Count);
    }

    [Fact]
    public async Task LoadAdminStatsAsync_SignedOutThroughTheCircuitPipeline_SignedOut()
    {
        await using var scope = demo.Services.CreateAsyncScope();
        var api = scope.ServiceProvider.GetRequiredService<DemoApiClient>();

        var stats = await api.LoadAdminStatsAsync();

        Assert.Equal(ApiFailure.SignedOut, stats.Failure);
    }
}
