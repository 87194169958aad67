using RefineSharp.Tests.TestDoubles;

namespace RefineSharp.Tests.Engine;

/// <summary>
/// refine-auth-spec.md section 5, useGetIdentity, against <see cref="AuthManager.GetIdentityAsync(IdentityRequest?, CancellationToken)"/>.
/// The queryOptions.queryKey / queryFn override item does not apply in C#: there is no TanStack query to configure.
/// "Status pending, data undefined" without getIdentity maps to "null, and the provider is not called".
/// </summary>
public sealed class AuthManagerIdentityTests
{
    [Fact]
    public async Task GetIdentityAsync_ProviderReturnsObject_ReturnsIt()
    {
        var identity = new UserIdentity { Id = "1", Name = "Ann" };
        var provider = new FakeAuthProvider { Identity = (_, _) => Task.FromResult<object?>(identity) };
        await using var host = AuthTestHost.For(provider);

        Assert.Same(identity, await host.Manager.GetIdentityAsync());
        Assert.Same(identity, await host.Manager.GetIdentityAsync<UserIdentity>());
    }

    [Fact]
    public async Task GetIdentityAsync_ProviderReturnsAnExceptionAsData_ReturnsItAsData()
    {
        var data = new InvalidOperationException("just data");
        var provider = new FakeAuthProvider { Identity = (_, _) => Task.FromResult<object?>(data) };
        await using var host = AuthTestHost.For(provider);

        Assert.Same(data, await host.Manager.GetIdentityAsync());
    }

    [Fact]
    public async Task GetIdentityAsync_ProviderWithoutIdentity_ReturnsNullWithoutAnyCall()
    {
        var provider = new RequiredOnlyAuthProvider();
        await using var host = AuthTestHost.For(provider);

        Assert.Null(await host.Manager.GetIdentityAsync());
        Assert.Null(await host.Manager.GetIdentityAsync<UserIdentity>());
        Assert.Empty(provider.Calls);
    }

    [Fact]
    public async Task GetIdentityAsyncOfT_OtherType_ThrowsInvalidCastNamingBothTypes()
    {
        var provider = new FakeAuthProvider { Identity = (_, _) => Task.FromResult<object?>("a string") };
        await using var host = AuthTestHost.For(provider);

        var ex = await Assert.ThrowsAsync<InvalidCastException>(async () => await host.Manager.GetIdentityAsync<UserIdentity>());

        Assert.Contains("System.String", ex.Message, StringComparison.Ordinal);
        Assert.Contains(typeof(UserIdentity).FullName!, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetIdentityAsync_Cached_UntilLoginInvalidates()
    {
        var provider = new FakeAuthProvider { Identity = (_, _) => Task.FromResult<object?>(new UserIdentity { Id = "1" }) };
        await using var host = AuthTestHost.For(provider);

        await host.Manager.GetIdentityAsync();
        await host.Manager.GetIdentityAsync();
        Assert.Equal(1, provider.CallsTo(nameof(AuthProvider.GetIdentityAsync)));

        await host.Manager.LoginAsync(new LoginRequest());
        await host.Manager.GetIdentityAsync();
        Assert.Equal(2, provider.CallsTo(nameof(AuthProvider.GetIdentityAsync)));
    }
}
