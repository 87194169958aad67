using System.Net;
using Microsoft.Extensions.DependencyInjection;
using RefineSharp.Tests.TestDoubles;

namespace RefineSharp.Tests.DependencyInjection;

public sealed class RefineBuilderTests
{
    [Fact]
    public void AddAuthProvider_InstanceTwice_LastWins()
    {
        var first = new FakeAuthProvider();
        var second = new FakeAuthProvider();
        using var root = new ServiceCollection().AddRefine().AddAuthProvider(first).AddAuthProvider(second).Services.BuildServiceProvider();
        using var scope = root.CreateScope();

        Assert.Same(second, scope.ServiceProvider.GetRequiredService<AuthProvider>());
        Assert.Single(scope.ServiceProvider.GetServices<AuthProvider>());
    }

    [Fact]
    public void AddAuthProvider_TypeThenInstance_InstanceWins()
    {
        var instance = new FakeAuthProvider();
        using var root = new ServiceCollection().AddRefine().AddAuthProvider<RequiredOnlyAuthProvider>().AddAuthProvider(instance).Services.BuildServiceProvider();
        using var scope = root.CreateScope();

        Assert.Same(instance, scope.ServiceProvider.GetRequiredService<AuthProvider>());
    }

    [Fact]
    public void AddAuthProvider_InstanceThenFactory_FactoryWins()
    {
        var made = new FakeAuthProvider();
        using var root = new ServiceCollection().AddRefine().AddAuthProvider(new FakeAuthProvider()).AddAuthProvider(_ => made).Services.BuildServiceProvider();
        using var scope = root.CreateScope();

        Assert.Same(made, scope.ServiceProvider.GetRequiredService<AuthProvider>());
    }

    [Fact]
    public void AddAuthProvider_Type_IsScopedAndSameAsConcreteService()
    {
        using var root = new ServiceCollection().AddRefine().AddAuthProvider<FakeAuthProvider>().Services.BuildServiceProvider();
        using var a = root.CreateScope();
        using var b = root.CreateScope();

        var inA = a.ServiceProvider.GetRequiredService<AuthProvider>();

        Assert.Same(inA, a.ServiceProvider.GetRequiredService<FakeAuthProvider>());
        Assert.Same(inA, a.ServiceProvider.GetRequiredService<AuthProvider>());
        Assert.NotSame(inA, b.ServiceProvider.GetRequiredService<AuthProvider>());
    }

    [Fact]
    public void AddAuthProvider_NullArguments_Throw()
    {
        var builder = new ServiceCollection().AddRefine();

        Assert.Throws<ArgumentNullException>(() => builder.AddAuthProvider((AuthProvider)null!));
        Assert.Throws<ArgumentNullException>(() => builder.AddAuthProvider((Func<IServiceProvider, AuthProvider>)null!));
        Assert.Throws<ArgumentNullException>(() => builder.AddAuthenticatedHttpClient<PostsClient>(null!));
    }

    [Fact]
    public async Task AddAuthenticatedHttpClient_HandlersComeFromTheCallersScope()
    {
        await using var host = AuthTestHost.Create(
            b => b.AddAuthProvider(_ => new FakeAuthProvider())
                .AddHttpHandler<ScopeRecordingHandler>()
                .AddHttpHandler<ScopeRecordingHandler>()
                .AddAuthenticatedHttpClient<PostsClient>((_, http) => http.BaseAddress = new Uri("http://localhost/")),
            services: s => s.AddScoped<ScopeMarker>());
        await using var a = host.Root.CreateAsyncScope();
        await using var b = host.Root.CreateAsyncScope();

        using var response = await a.ServiceProvider.GetRequiredService<PostsClient>().Http.GetAsync(new Uri("/api", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Same(a.ServiceProvider.GetRequiredService<ScopeMarker>(), Assert.Single(a.ServiceProvider.GetRequiredService<ScopeMarker>().SeenBy));
        var providerA = (FakeAuthProvider)a.ServiceProvider.GetRequiredService<AuthProvider>();
        var providerB = (FakeAuthProvider)b.ServiceProvider.GetRequiredService<AuthProvider>();
        Assert.Equal(401, Assert.Single(providerA.RequestsTo<OnErrorRequest>(nameof(AuthProvider.OnErrorAsync))).StatusCode);
        Assert.Empty(providerB.Calls);
        Assert.Empty(b.ServiceProvider.GetRequiredService<ScopeMarker>().SeenBy);
    }

    public sealed class PostsClient(HttpClient http)
    {
        public HttpClient Http { get; } = http;
    }

    public sealed class ScopeMarker
    {
        public List<ScopeMarker> SeenBy { get; } = [];
    }

    /// <summary>Records the scope it was built in, then answers 401 without going further.</summary>
    public sealed class ScopeRecordingHandler(ScopeMarker marker) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            marker.SeenBy.Add(marker);
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.Unauthorized));
        }
    }
}
