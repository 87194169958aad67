using RefineSharp.Tests.TestDoubles;

namespace RefineSharp.Tests.Engine;

/// <summary>
/// refine-auth-spec.md section 5, useRegister, against <see cref="AuthManager.RegisterAsync"/> (redirect items: <see cref="AuthManagerActionRedirectTests"/>;
/// notification items: <see cref="AuthManagerNotificationTests"/>). The mutationFn / mutationKey override items do not apply in C#.
/// </summary>
public sealed class AuthManagerRegisterTests
{
    private readonly FakeAuthProvider _provider = new();

    [Fact]
    public async Task RegisterAsync_RedirectTo_ReplacesToIt()
    {
        _provider.Register = (_, _) => Task.FromResult(AuthActionResult.Ok("/"));
        await using var host = AuthTestHost.For(_provider);

        var result = await host.Manager.RegisterAsync(new RegisterRequest { Email = "a@b.c", Password = "p" });

        Assert.True(result.Success);
        Assert.Equal(new RegisterRequest { Email = "a@b.c", Password = "p" }, Assert.Single(_provider.RequestsTo<RegisterRequest>(nameof(AuthProvider.RegisterAsync))));
        Assert.Equal([new Navigation("/", NavigationKind.Replace)], host.Navigator.Navigations);
    }

    [Fact]
    public async Task RegisterAsync_Success_InvalidatesTheAuthStore()
    {
        await using var host = AuthTestHost.For(_provider);
        await host.Manager.CheckAsync();

        await host.Manager.RegisterAsync(new RegisterRequest());
        await host.Manager.CheckAsync();

        Assert.Equal(2, _provider.CallsTo(nameof(AuthProvider.CheckAsync)));
    }

    [Fact]
    public async Task RegisterAsync_Failure_KeepsTheAuthStore()
    {
        // refine #6639 -> #6658: a failed register must not refetch check.
        _provider.Register = (_, _) => Task.FromResult(AuthActionResult.Fail());
        await using var host = AuthTestHost.For(_provider);
        await host.Manager.CheckAsync();

        await host.Manager.RegisterAsync(new RegisterRequest());
        await host.Manager.CheckAsync();

        Assert.Equal(1, _provider.CallsTo(nameof(AuthProvider.CheckAsync)));
    }
}
