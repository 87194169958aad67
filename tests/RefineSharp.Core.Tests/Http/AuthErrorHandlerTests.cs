using System.Net;
using Microsoft.Extensions.DependencyInjection;
using RefineSharp.Tests.TestDoubles;

namespace RefineSharp.Tests.Http;

public sealed class AuthErrorHandlerTests
{
    private readonly FakeAuthProvider _provider = new();

    private static HttpClient ClientFor(AuthManager manager, HttpMessageHandler inner) =>
        new(new AuthErrorHandler(manager) { InnerHandler = inner }) { BaseAddress = new Uri("http://localhost/") };

    [Theory]
    [InlineData(HttpStatusCode.Unauthorized)]
    [InlineData(HttpStatusCode.Forbidden)]
    public async Task SendAsync_AuthErrorStatus_ReachesOnErrorWithStatusCodeAndCallerGetsResponse(HttpStatusCode status)
    {
        await using var host = AuthTestHost.For(_provider);
        using var client = ClientFor(host.Manager, new StubHttpMessageHandler(status));

        using var response = await client.GetAsync(new Uri("/api/posts", UriKind.Relative));

        Assert.Equal(status, response.StatusCode);
        Assert.Equal((int)status, Assert.Single(_provider.RequestsTo<OnErrorRequest>(nameof(AuthProvider.OnErrorAsync))).StatusCode);
    }

    [Theory]
    [InlineData(HttpStatusCode.OK)]
    [InlineData(HttpStatusCode.BadRequest)]
    [InlineData(HttpStatusCode.NotFound)]
    [InlineData(HttpStatusCode.ProxyAuthenticationRequired)]
    [InlineData(HttpStatusCode.InternalServerError)]
    public async Task SendAsync_OtherStatus_DoesNotReachOnError(HttpStatusCode status)
    {
        await using var host = AuthTestHost.For(_provider);
        using var client = ClientFor(host.Manager, new StubHttpMessageHandler(status));

        using var response = await client.GetAsync(new Uri("/api/posts", UriKind.Relative));

        Assert.Equal(status, response.StatusCode);
        Assert.Empty(_provider.Calls);
    }

    [Fact]
    public async Task SendAsync_ResponseBody_ReachesTheCallerUnchanged()
    {
        await using var host = AuthTestHost.For(_provider);
        using var client = ClientFor(host.Manager, new StubHttpMessageHandler(_ =>
            Task.FromResult(new HttpResponseMessage(HttpStatusCode.Unauthorized) { Content = new StringContent("token expired") })));

        using var response = await client.GetAsync(new Uri("/api", UriKind.Relative));

        Assert.Equal("token expired", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task SendAsync_OnErrorThrows_CallStillReturnsResponse()
    {
        _provider.OnError = (_, _) => throw new InvalidOperationException("provider broke");
        await using var host = AuthTestHost.For(_provider);
        using var client = ClientFor(host.Manager, new StubHttpMessageHandler(HttpStatusCode.Unauthorized));

        using var response = await client.GetAsync(new Uri("/api", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task SendAsync_AuthManagerThrows_CallStillReturnsResponseAndLogs()
    {
        await using var host = AuthTestHost.Create(refine: null);
        using var client = ClientFor(host.Manager, new StubHttpMessageHandler(HttpStatusCode.Unauthorized));

        using var response = await client.GetAsync(new Uri("/api", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task SendAsync_LogoutOnError_LogsOutAndNavigates()
    {
        _provider.OnError = (r, _) => Task.FromResult(r.StatusCode == 401 ? OnErrorResult.LogoutTo("/login") : OnErrorResult.Ignore());
        await using var host = AuthTestHost.For(_provider);
        using var client = ClientFor(host.Manager, new StubHttpMessageHandler(HttpStatusCode.Unauthorized));

        using var response = await client.GetAsync(new Uri("/api", UriKind.Relative));

        Assert.Equal(1, _provider.CallsTo(nameof(AuthProvider.LogoutAsync)));
        Assert.Equal([new Navigation("/login", NavigationKind.Push)], host.Navigator.Navigations);
    }

    [Fact]
    public async Task SendAsync_FiftyConcurrent401s_OneProviderLogout()
    {
        // Every request is in flight (sent in the same session) before any 401 comes back.
        var arrived = 0;
        var allArrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var inner = new StubHttpMessageHandler(async _ =>
        {
            if (Interlocked.Increment(ref arrived) == 50)
            {
                allArrived.SetResult();
            }

            await release.Task;
            return new HttpResponseMessage(HttpStatusCode.Unauthorized);
        });
        _provider.OnError = (_, _) => Task.FromResult(OnErrorResult.LogoutTo("/login"));
        await using var host = AuthTestHost.For(_provider);
        using var client = ClientFor(host.Manager, inner);

        var calls = Enumerable.Range(0, 50).Select(i => client.GetAsync(new Uri($"/api/{i}", UriKind.Relative))).ToArray();
        await allArrived.Task;
        release.SetResult();
        var responses = await Task.WhenAll(calls);

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Unauthorized, r.StatusCode));
        Assert.Equal(1, _provider.CallsTo(nameof(AuthProvider.LogoutAsync)));
        Assert.Single(host.Navigator.Navigations);
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    [Fact]
    public async Task SendAsync_401FromRequestSentBeforeLogin_DoesNotLogOutTheNewSession()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var inner = new StubHttpMessageHandler(async _ =>
        {
            await release.Task;
            return new HttpResponseMessage(HttpStatusCode.Unauthorized);
        });
        _provider.OnError = (_, _) => Task.FromResult(OnErrorResult.LogoutTo("/login"));
        await using var host = AuthTestHost.For(_provider);
        using var client = ClientFor(host.Manager, inner);

        var oldCall = client.GetAsync(new Uri("/api", UriKind.Relative));
        await host.Manager.LoginAsync(new LoginRequest());
        release.SetResult();
        using var response = await oldCall;

        Assert.Equal(0, _provider.CallsTo(nameof(AuthProvider.LogoutAsync)));
    }

    [Fact]
    public async Task SendAsync_401AfterTheSessionEndedInFlight_DoesNotOverwriteTheLogoutRedirect()
    {
        // A failed token refresh ends the session (login?to=<page>) while the data call is in flight; the call then
        // comes back 401 and the provider, finding no session left, only asks to go to the login page.
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var inner = new StubHttpMessageHandler(async _ =>
        {
            await release.Task;
            return new HttpResponseMessage(HttpStatusCode.Unauthorized);
        });
        _provider.Logout = (_, _) => Task.FromResult(AuthActionResult.Ok("/login"));
        _provider.OnError = (_, _) => Task.FromResult(OnErrorResult.NavigateTo("/login"));
        await using var host = AuthTestHost.For(_provider);
        host.Navigator.CurrentUri = "http://localhost/posts";
        using var client = ClientFor(host.Manager, inner);

        var call = client.GetAsync(new Uri("/api/posts", UriKind.Relative));
        await host.Manager.EndSessionAsync();
        release.SetResult();
        using var response = await call;

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal([new Navigation("/login?to=%2Fposts", NavigationKind.Push)], host.Navigator.Navigations);
    }

    [Fact]
    public async Task SendAsync_401WithoutSession_FollowsTheProvidersRedirect()
    {
        _provider.OnError = (_, _) => Task.FromResult(OnErrorResult.NavigateTo("/login"));
        await using var host = AuthTestHost.For(_provider);
        using var client = ClientFor(host.Manager, new StubHttpMessageHandler(HttpStatusCode.Unauthorized));

        using var response = await client.GetAsync(new Uri("/api/posts", UriKind.Relative));

        Assert.Equal([new Navigation("/login", NavigationKind.Replace)], host.Navigator.Navigations);
    }
}
