using RefineSharp.Tests.TestDoubles;

namespace RefineSharp.Tests.Engine;

/// <summary>docs/architecture.md difference 3: the params are part of the check, identity and permissions cache keys.</summary>
public sealed class QueryCacheKeyTests
{
    private readonly FakeAuthProvider _provider = new();

    private static Dictionary<string, object?> Extra(params (string Key, object? Value)[] pairs) =>
        pairs.ToDictionary(p => p.Key, p => p.Value);

    [Fact]
    public async Task CheckAsync_DifferentExtra_SeparateProviderCalls()
    {
        await using var host = AuthTestHost.For(_provider);

        await host.Manager.CheckAsync(new CheckRequest { Extra = Extra(("resource", "posts")) });
        await host.Manager.CheckAsync(new CheckRequest { Extra = Extra(("resource", "users")) });

        Assert.Equal(2, _provider.CallsTo(nameof(AuthProvider.CheckAsync)));
    }

    [Fact]
    public async Task CheckAsync_SameExtraInAnotherOrder_OneProviderCall()
    {
        await using var host = AuthTestHost.For(_provider);

        await host.Manager.CheckAsync(new CheckRequest { Extra = Extra(("a", 1), ("b", "x")) });
        await host.Manager.CheckAsync(new CheckRequest { Extra = Extra(("b", "x"), ("a", 1)) });

        Assert.Equal(1, _provider.CallsTo(nameof(AuthProvider.CheckAsync)));
    }

    [Fact]
    public async Task CheckAsync_NullAndEmptyRequest_ShareOneEntry()
    {
        await using var host = AuthTestHost.For(_provider);

        await host.Manager.CheckAsync();
        await host.Manager.CheckAsync(new CheckRequest());

        Assert.Equal(1, _provider.CallsTo(nameof(AuthProvider.CheckAsync)));
    }

    [Fact]
    public async Task CheckAsync_DerivedRequestWithDifferentProperties_SeparateProviderCalls()
    {
        await using var host = AuthTestHost.For(_provider);

        await host.Manager.CheckAsync(new TenantCheckRequest { Tenant = "a" });
        await host.Manager.CheckAsync(new TenantCheckRequest { Tenant = "a" });
        await host.Manager.CheckAsync(new TenantCheckRequest { Tenant = "b" });
        await host.Manager.CheckAsync();

        Assert.Equal(3, _provider.CallsTo(nameof(AuthProvider.CheckAsync)));
    }

    [Fact]
    public async Task CheckAsync_ExtraThatCannotBeKeyed_IsNotCachedButStillAnswered()
    {
        await using var host = AuthTestHost.For(_provider);
        var request = new CheckRequest { Extra = Extra(("callback", new Func<int>(() => 1))) };

        var first = await host.Manager.CheckAsync(request);
        await host.Manager.CheckAsync(request);

        Assert.True(first.Authenticated);
        Assert.Equal(2, _provider.CallsTo(nameof(AuthProvider.CheckAsync)));
    }

    [Fact]
    public async Task GetIdentityAsync_DifferentExtra_SeparateCallsAndAnswers()
    {
        _provider.Identity = (r, _) => Task.FromResult<object?>(r.GetExtraString("tenant"));
        await using var host = AuthTestHost.For(_provider);

        var a = await host.Manager.GetIdentityAsync(new IdentityRequest { Extra = Extra(("tenant", "a")) });
        var b = await host.Manager.GetIdentityAsync(new IdentityRequest { Extra = Extra(("tenant", "b")) });
        var again = await host.Manager.GetIdentityAsync(new IdentityRequest { Extra = Extra(("tenant", "a")) });

        Assert.Equal(("a", "b", "a"), (a, b, again));
        Assert.Equal(2, _provider.CallsTo(nameof(AuthProvider.GetIdentityAsync)));
    }

    [Fact]
    public async Task GetPermissionsAsync_DifferentExtra_SeparateCalls_SameExtra_OneCall()
    {
        _provider.Permissions = (r, _) => Task.FromResult<object?>(r.GetExtraString("currentRole"));
        await using var host = AuthTestHost.For(_provider);

        Assert.Equal("admin", await host.Manager.GetPermissionsAsync(new PermissionsRequest { Extra = Extra(("currentRole", "admin")) }));
        Assert.Equal("editor", await host.Manager.GetPermissionsAsync(new PermissionsRequest { Extra = Extra(("currentRole", "editor")) }));
        Assert.Equal("admin", await host.Manager.GetPermissionsAsync(new PermissionsRequest { Extra = Extra(("currentRole", "admin")) }));

        Assert.Equal(2, _provider.CallsTo(nameof(AuthProvider.GetPermissionsAsync)));
    }

    [Fact]
    public async Task CheckAsync_QueryCacheDurationElapsed_AsksProviderAgain()
    {
        await using var host = AuthTestHost.For(_provider, o => o.QueryCacheDuration = TimeSpan.FromMinutes(1));

        await host.Manager.CheckAsync();
        host.Time.Advance(TimeSpan.FromSeconds(59));
        await host.Manager.CheckAsync();
        Assert.Equal(1, _provider.CallsTo(nameof(AuthProvider.CheckAsync)));

        host.Time.Advance(TimeSpan.FromSeconds(2));
        await host.Manager.CheckAsync();
        Assert.Equal(2, _provider.CallsTo(nameof(AuthProvider.CheckAsync)));
    }

    [Fact]
    public async Task InvalidateAuthStore_ForgetsEveryKeyAndRaisesInvalidated()
    {
        _provider.Identity = (_, _) => Task.FromResult<object?>("me");
        _provider.Permissions = (_, _) => Task.FromResult<object?>("all");
        await using var host = AuthTestHost.For(_provider);
        var reasons = new List<AuthChangeReason>();
        host.Manager.AuthStateChanged += (_, e) => reasons.Add(e.Reason);
        var keyed = new CheckRequest { Extra = Extra(("k", 1)) };
        await host.Manager.CheckAsync(keyed);
        await host.Manager.GetIdentityAsync();
        await host.Manager.GetPermissionsAsync();

        host.Manager.InvalidateAuthStore();
        await host.Manager.CheckAsync(keyed);
        await host.Manager.GetIdentityAsync();
        await host.Manager.GetPermissionsAsync();

        Assert.Equal([AuthChangeReason.Invalidated], reasons);
        Assert.Equal(2, _provider.CallsTo(nameof(AuthProvider.CheckAsync)));
        Assert.Equal(2, _provider.CallsTo(nameof(AuthProvider.GetIdentityAsync)));
        Assert.Equal(2, _provider.CallsTo(nameof(AuthProvider.GetPermissionsAsync)));
    }

    private sealed record TenantCheckRequest : CheckRequest
    {
        public string? Tenant { get; init; }
    }
}
