using RefineSharp.Tests.TestDoubles;

namespace RefineSharp.Tests.Engine;

/// <summary>refine-auth-spec.md section 5, usePermissions, against <see cref="AuthManager.GetPermissionsAsync(PermissionsRequest?, CancellationToken)"/>.</summary>
public sealed class AuthManagerPermissionsTests
{
    [Fact]
    public async Task GetPermissionsAsync_ProviderReturnsData_ReturnsIt()
    {
        string[] roles = ["admin"];
        var provider = new FakeAuthProvider { Permissions = (_, _) => Task.FromResult<object?>(roles) };
        await using var host = AuthTestHost.For(provider);

        Assert.Same(roles, await host.Manager.GetPermissionsAsync());
        Assert.Same(roles, await host.Manager.GetPermissionsAsync<string[]>());
    }

    [Fact]
    public async Task GetPermissionsAsync_ProviderWithoutPermissions_ReturnsNullWithoutAnyCall()
    {
        var provider = new RequiredOnlyAuthProvider();
        await using var host = AuthTestHost.For(provider);

        Assert.Null(await host.Manager.GetPermissionsAsync());
        Assert.Null(await host.Manager.GetPermissionsAsync<string[]>());
        Assert.Empty(provider.Calls);
    }

    [Fact]
    public async Task GetPermissionsAsync_Params_AreForwarded()
    {
        var provider = new FakeAuthProvider { Permissions = (r, _) => Task.FromResult<object?>(r.GetExtraString("currentRole")) };
        await using var host = AuthTestHost.For(provider);

        var result = await host.Manager.GetPermissionsAsync(new PermissionsRequest { Extra = new Dictionary<string, object?> { ["currentRole"] = "admin" } });

        Assert.Equal("admin", result);
        Assert.Equal("admin", Assert.Single(provider.RequestsTo<PermissionsRequest>(nameof(AuthProvider.GetPermissionsAsync))).GetExtraString("currentRole"));
    }
}
