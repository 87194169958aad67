using RefineSharp.Tests.TestDoubles;

namespace RefineSharp.Tests.Engine;

/// <summary>
/// refine-auth-spec.md section 5 for useRegister, useForgotPassword and useUpdatePassword: they go (replace) to the
/// provider's redirectTo whatever the outcome ("fail and redirect" still redirects); forgot and update never invalidate.
/// </summary>
public sealed class AuthManagerActionRedirectTests
{
    private readonly FakeAuthProvider _provider = new();

    public static TheoryData<string> RedirectRegardless => ["register", "forgotPassword", "updatePassword"];

    public static TheoryData<string> NoInvalidation => ["forgotPassword", "updatePassword"];

    [Theory]
    [MemberData(nameof(RedirectRegardless))]
    public async Task Action_SucceedsWithRedirect_ReplacesToIt(string action)
    {
        var c = AuthActionCase.All[action];
        c.Script(_provider, _ => Task.FromResult(AuthActionResult.Ok("/login")));
        await using var host = AuthTestHost.For(_provider);

        var result = await c.Invoke(host.Manager, default);

        Assert.True(result.Success);
        Assert.Equal([new Navigation("/login", NavigationKind.Replace)], host.Navigator.Navigations);
    }

    [Theory]
    [MemberData(nameof(RedirectRegardless))]
    public async Task Action_FailsWithRedirect_StillReplacesToIt(string action)
    {
        var c = AuthActionCase.All[action];
        var failure = AuthActionResult.Fail(redirectTo: "/register");
        c.Script(_provider, _ => Task.FromResult(failure));
        await using var host = AuthTestHost.For(_provider);

        var result = await c.Invoke(host.Manager, default);

        Assert.Same(failure, result);
        Assert.Equal([new Navigation("/register", NavigationKind.Replace)], host.Navigator.Navigations);
    }

    [Theory]
    [MemberData(nameof(RedirectRegardless))]
    public async Task Action_WithoutRedirect_DoesNotNavigate(string action)
    {
        await using var host = AuthTestHost.For(_provider);

        var result = await AuthActionCase.All[action].Invoke(host.Manager, default);

        Assert.True(result.Success);
        Assert.Empty(host.Navigator.Navigations);
    }

    [Theory]
    [MemberData(nameof(NoInvalidation))]
    public async Task Action_Success_DoesNotInvalidateTheAuthStore(string action)
    {
        await using var host = AuthTestHost.For(_provider);
        await host.Manager.CheckAsync();

        await AuthActionCase.All[action].Invoke(host.Manager, default);
        await host.Manager.CheckAsync();

        Assert.Equal(1, _provider.CallsTo(nameof(AuthProvider.CheckAsync)));
    }
}
