using RefineSharp.Tests.TestDoubles;

namespace RefineSharp.Tests.Engine;

/// <summary>
/// refine-auth-spec.md section 5, useForgotPassword, against <see cref="AuthManager.ForgotPasswordAsync"/>
/// (notification items: <see cref="AuthManagerNotificationTests"/>). The mutationFn / mutationKey override items do not apply in C#.
/// </summary>
public sealed class AuthManagerForgotPasswordTests
{
    private readonly FakeAuthProvider _provider = new();

    [Fact]
    public async Task ForgotPasswordAsync_Succeeds_ReturnsSuccessAndSendsEmail()
    {
        await using var host = AuthTestHost.For(_provider);

        var result = await host.Manager.ForgotPasswordAsync(new ForgotPasswordRequest { Email = "a@b.c" });

        Assert.True(result.Success);
        Assert.Equal("a@b.c", Assert.Single(_provider.RequestsTo<ForgotPasswordRequest>(nameof(AuthProvider.ForgotPasswordAsync))).Email);
        Assert.Empty(host.Navigator.Navigations);
        Assert.Empty(host.Errors);
    }

    [Fact]
    public async Task ForgotPasswordAsync_SucceedsWithRedirect_ReplacesToIt()
    {
        _provider.ForgotPassword = (_, _) => Task.FromResult(AuthActionResult.Ok("/login"));
        await using var host = AuthTestHost.For(_provider);

        await host.Manager.ForgotPasswordAsync(new ForgotPasswordRequest());

        Assert.Equal([new Navigation("/login", NavigationKind.Replace)], host.Navigator.Navigations);
    }

    [Fact]
    public async Task ForgotPasswordAsync_FailsWithRedirect_StillReplacesToIt()
    {
        _provider.ForgotPassword = (_, _) => Task.FromResult(AuthActionResult.Fail(redirectTo: "/register"));
        await using var host = AuthTestHost.For(_provider);

        var result = await host.Manager.ForgotPasswordAsync(new ForgotPasswordRequest());

        Assert.False(result.Success);
        Assert.Equal([new Navigation("/register", NavigationKind.Replace)], host.Navigator.Navigations);
    }

    [Fact]
    public async Task ForgotPasswordAsync_Success_DoesNotInvalidateTheAuthStore()
    {
        await using var host = AuthTestHost.For(_provider);
        await host.Manager.CheckAsync();

        await host.Manager.ForgotPasswordAsync(new ForgotPasswordRequest());
        await host.Manager.CheckAsync();

        Assert.Equal(1, _provider.CallsTo(nameof(AuthProvider.CheckAsync)));
    }
}
