using RefineSharp.Tests.TestDoubles;

namespace RefineSharp.Tests.Engine;

/// <summary>docs/architecture.md difference 6: a provider without an optional member gets defined behaviour, never a crash.</summary>
public sealed class MissingMembersTests
{
    private readonly RequiredOnlyAuthProvider _provider = new();

    public static TheoryData<string, string> NotSupportedActions => new()
    {
        { "register", "This app does not support signing up." },
        { "forgotPassword", "This app does not support resetting passwords." },
        { "updatePassword", "This app does not support changing passwords." },
    };

    [Theory]
    [MemberData(nameof(NotSupportedActions))]
    public async Task Action_NotImplemented_FailsNotSupportedWithNotificationAndNoCall(string action, string text)
    {
        var c = AuthActionCase.All[action];
        await using var host = AuthTestHost.For(_provider);

        var result = await c.Invoke(host.Manager, default);

        Assert.False(result.Success);
        Assert.Equal(new AuthError("Not supported", text), result.Error);
        Assert.Equal([new AuthNotification(c.ErrorKey, NotificationType.Error, "Not supported", text)], host.Notifications.Opened);
        Assert.Empty(host.Navigator.Navigations);
        Assert.Empty(_provider.Calls);
    }

    [Fact]
    public async Task IdentityAndPermissions_NotImplemented_ReturnNullWithoutAnyCall()
    {
        await using var host = AuthTestHost.For(_provider);

        Assert.Null(await host.Manager.GetIdentityAsync());
        Assert.Null(await host.Manager.GetPermissionsAsync<string[]>());
        Assert.Empty(_provider.Calls);
        Assert.Empty(host.Notifications.Calls);
    }

    [Fact]
    public async Task Features_RequiredOnly_IsNone()
    {
        await using var host = AuthTestHost.For(_provider);

        Assert.Equal(AuthFeatures.None, _provider.Features);
        Assert.Equal(AuthFeatures.None, host.Manager.Features);
    }

    [Fact]
    public void Features_AllOverridden_HasEveryFlag() =>
        Assert.Equal(
            AuthFeatures.Register | AuthFeatures.ForgotPassword | AuthFeatures.UpdatePassword | AuthFeatures.Identity | AuthFeatures.Permissions,
            new FakeAuthProvider().Features);

    [Fact]
    public async Task Features_OnlyIdentityOverridden_HasOnlyIdentityAndIdentityIsAsked()
    {
        var provider = new IdentityOnlyProvider();
        await using var host = AuthTestHost.For(provider);

        Assert.Equal(AuthFeatures.Identity, host.Manager.Features);
        Assert.Equal("me", await host.Manager.GetIdentityAsync());
        Assert.Null(await host.Manager.GetPermissionsAsync());
    }

    [Fact]
    public async Task BaseRegisterAsync_CalledDirectly_ReturnsNotSupportedResult()
    {
        var result = await _provider.RegisterAsync(new RegisterRequest());

        Assert.False(result.Success);
        Assert.Equal("NotSupported", result.Error?.Name);
        Assert.Null(await _provider.GetIdentityAsync(new IdentityRequest()));
    }

    private sealed class IdentityOnlyProvider : RequiredOnlyAuthProvider
    {
        public override Task<object?> GetIdentityAsync(IdentityRequest request, CancellationToken cancellationToken = default) =>
            Task.FromResult<object?>("me");
    }
}
