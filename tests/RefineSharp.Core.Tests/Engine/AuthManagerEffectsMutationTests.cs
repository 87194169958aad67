using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RefineSharp.Tests.TestDoubles;

namespace RefineSharp.Tests.Engine;

// Written against the mutants Stryker left alive in AuthManager.cs and AuthManager.Effects.cs (docs/quality.md):
// constructor and UseProvider checks, a throwing AuthStateChanged handler, the current URI when the navigator fails,
// and the one-line, bounded log form of a refused redirect.
public sealed class AuthManagerEffectsMutationTests
{
    private readonly FakeAuthProvider _provider = new();

    [Fact]
    public async Task Constructor_NullArgument_ThrowsNamingIt()
    {
        await using var host = AuthTestHost.For(_provider);
        var services = host.Scope.ServiceProvider;
        var navigator = host.Navigator;
        var notifications = host.Notifications;
        var texts = (IStringLocalizer<RefineTexts>)services.GetService(typeof(IStringLocalizer<RefineTexts>))!;
        var options = Options.Create(new RefineOptions());

        Assert.Equal("services", Assert.Throws<ArgumentNullException>(() => new AuthManager(null!, navigator, notifications, texts, options)).ParamName);
        Assert.Equal("navigator", Assert.Throws<ArgumentNullException>(() => new AuthManager(services, null!, notifications, texts, options)).ParamName);
        Assert.Equal("notifications", Assert.Throws<ArgumentNullException>(() => new AuthManager(services, navigator, null!, texts, options)).ParamName);
        Assert.Equal("texts", Assert.Throws<ArgumentNullException>(() => new AuthManager(services, navigator, notifications, null!, options)).ParamName);
        Assert.Equal("options", Assert.Throws<ArgumentNullException>(() => new AuthManager(services, navigator, notifications, texts, null!)).ParamName);
    }

    [Fact]
    public async Task UseProvider_Null_Throws()
    {
        await using var host = AuthTestHost.For(_provider);

        Assert.Equal("provider", Assert.Throws<ArgumentNullException>(() => host.Manager.UseProvider(null!)).ParamName);
    }

    [Fact]
    public async Task UseProvider_SameProviderAgain_KeepsTheCachedAnswers()
    {
        await using var host = AuthTestHost.For(_provider);
        host.Manager.UseProvider(_provider);
        await host.Manager.CheckAsync();
        var reasons = new List<AuthChangeReason>();
        host.Manager.AuthStateChanged += (_, e) => reasons.Add(e.Reason);

        host.Manager.UseProvider(_provider);
        await host.Manager.CheckAsync();

        Assert.Empty(reasons);
        Assert.Equal(1, _provider.CallsTo(nameof(AuthProvider.CheckAsync)));
    }

    [Fact]
    public async Task UseProvider_OtherProvider_ForgetsTheCachedAnswers()
    {
        await using var host = AuthTestHost.For(_provider);
        await host.Manager.CheckAsync();
        var other = new FakeAuthProvider();
        var reasons = new List<AuthChangeReason>();
        host.Manager.AuthStateChanged += (_, e) => reasons.Add(e.Reason);

        host.Manager.UseProvider(other);
        await host.Manager.CheckAsync();

        Assert.Equal([AuthChangeReason.Invalidated], reasons);
        Assert.Equal(1, other.CallsTo(nameof(AuthProvider.CheckAsync)));
    }

    [Fact]
    public async Task InvalidateAuthStore_HandlerThrows_IsLoggedAndTheNextHandlerStillRuns()
    {
        await using var host = AuthTestHost.For(_provider);
        var second = 0;
        host.Manager.AuthStateChanged += (_, _) => throw new InvalidOperationException("subscriber bug");
        host.Manager.AuthStateChanged += (_, _) => second++;

        host.Manager.InvalidateAuthStore();

        Assert.Equal(1, second);
        Assert.Contains(host.Logs.Entries, e => e.Level == LogLevel.Error && e.Exception?.Message == "subscriber bug");
    }

    [Fact]
    public async Task LoginAsync_NavigatorCannotTellTheCurrentUri_LogsItAndUsesTheProvidersTarget()
    {
        _provider.Login = (_, _) => Task.FromResult(AuthActionResult.Ok("/home"));
        await using var host = AuthTestHost.For(_provider);
        host.Navigator.ThrowOnCurrentUri = new InvalidOperationException("no circuit");

        await host.Manager.LoginAsync(new LoginRequest());

        Assert.Equal([new Navigation("/home", NavigationKind.Replace)], host.Navigator.Navigations);
        Assert.Contains(host.Logs.Entries, e => e.Level == LogLevel.Error && e.Message.Contains("(reading the current URI)", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("throw")]
    public async Task EndSessionAsync_NoCurrentUri_RedirectsWithoutAReturnPath(string? currentUri)
    {
        _provider.Logout = (_, _) => Task.FromResult(AuthActionResult.Ok("/login"));
        await using var host = AuthTestHost.For(_provider);
        if (currentUri is null)
        {
            host.Navigator.CurrentUri = null!;
        }
        else
        {
            host.Navigator.ThrowOnCurrentUri = new InvalidOperationException("no circuit");
        }

        await host.Manager.EndSessionAsync();

        Assert.Equal([new Navigation("/login", NavigationKind.Push)], host.Navigator.Navigations);
    }

    [Fact]
    public async Task LoginAsync_HostileReturnPathInUrl_LoggedWithTheParameterAsSource()
    {
        await using var host = AuthTestHost.For(_provider, o => o.ReturnPathParameter = "returnUrl");
        host.Navigator.CurrentUri = "http://localhost/login?returnUrl=%2F%2Fevil.example";

        await host.Manager.LoginAsync(new LoginRequest());

        Assert.Contains(host.Logs.Entries, e => e.Message.Contains("from ?returnUrl= that is not a local path: //evil.example", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Validated_LongHostileTargetWithControlCharacters_IsLoggedAsOneBoundedLine()
    {
        await using var host = AuthTestHost.For(_provider);
        var target = "//evil.example/\r\nforged" + new string('x', 300);

        Assert.Null(host.Manager.Validated(target, "test"));

        var logged = Assert.Single(host.Logs.Entries, e => e.Message.Contains("from test", StringComparison.Ordinal)).Message;
        var expectedTarget = "//evil.example/\\u000d\\u000aforged" + new string('x', 200 - "//evil.example/\r\nforged".Length) + "…";
        Assert.EndsWith(": " + expectedTarget, logged, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validated_HostileTargetOfExactlyTwoHundredCharacters_IsLoggedWhole()
    {
        await using var host = AuthTestHost.For(_provider);
        var target = "//evil.example/" + new string('x', 200 - "//evil.example/".Length);

        Assert.Null(host.Manager.Validated(target, "test"));

        Assert.Contains(host.Logs.Entries, e => e.Message.EndsWith(": " + target, StringComparison.Ordinal));
    }
}
