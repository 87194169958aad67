using Microsoft.Extensions.Logging;
using RefineSharp.Tests.TestDoubles;

namespace RefineSharp.Tests.Engine;

// Written against the mutants Stryker left alive in AuthManager.cs, AuthManager.Queries.cs and ProviderInvoker.cs
// (docs/quality.md): a check answer from before a logout must not set the status afterwards, and a null answer is
// logged as a failure only where null is not a valid answer.
public sealed class AuthManagerQueriesMutationTests
{
    private readonly FakeAuthProvider _provider = new();

    [Fact]
    public async Task CheckAsync_AnswerArrivesAfterALogout_DoesNotSetTheStatus()
    {
        var gate = new TaskCompletionSource<CheckResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        _provider.Check = (_, _) => gate.Task;
        await using var host = AuthTestHost.For(_provider);

        var check = host.Manager.CheckAsync().AsTask();
        await host.Manager.LogoutAsync(new LogoutRequest());
        gate.SetResult(CheckResult.Ok());
        Assert.True((await check).Authenticated);

        Assert.Equal(AuthStatus.Unknown, host.Manager.Status);
    }

    [Fact]
    public async Task GetIdentityAsync_ProviderHasNoIdentity_IsNullAndNotLoggedAsAFailure()
    {
        _provider.Identity = (_, _) => Task.FromResult<object?>(null);
        _provider.Permissions = (_, _) => Task.FromResult<object?>(null);
        await using var host = AuthTestHost.For(_provider);

        Assert.Null(await host.Manager.GetIdentityAsync());
        Assert.Null(await host.Manager.GetPermissionsAsync());

        Assert.DoesNotContain(host.Logs.Entries, e => e.Message.Contains("returned null", StringComparison.Ordinal));
    }

    [Fact]
    public async Task LoginAsync_ProviderReturnsNull_IsAFailureAndLogged()
    {
        _provider.Login = (_, _) => Task.FromResult<AuthActionResult>(null!);
        await using var host = AuthTestHost.For(_provider);

        Assert.False((await host.Manager.LoginAsync(new LoginRequest())).Success);

        Assert.Contains(host.Logs.Entries, e => e.Level == LogLevel.Error && e.Message.Contains("returned null from LoginAsync", StringComparison.Ordinal));
    }

    [Fact]
    public async Task LoginAsync_ProviderReturnsANullTask_IsAFailureAndLogged()
    {
        _provider.Login = (_, _) => null!;
        await using var host = AuthTestHost.For(_provider);

        Assert.False((await host.Manager.LoginAsync(new LoginRequest())).Success);

        Assert.Contains(host.Logs.Entries, e => e.Level == LogLevel.Error && e.Message.Contains("returned null from LoginAsync", StringComparison.Ordinal));
    }
}
