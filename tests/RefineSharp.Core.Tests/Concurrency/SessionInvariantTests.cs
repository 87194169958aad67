using System.Net;
using Microsoft.Coyote.Specifications;

namespace RefineSharp.Tests.Concurrency;

/// <summary>
/// The session invariants of issue 7, item 4, checked over many schedules by Coyote (see README.md in this folder):
/// each test starts concurrent operations on one <see cref="AuthWorld"/> and asserts what must hold whatever the order.
/// </summary>
public sealed class SessionInvariantTests
{
    [Fact]
    public void LogoutAsync_RefreshCheckAnd401InFlight_LeavesNoTokensAndNotAuthenticated() => Explore.Schedules(async () =>
    {
        await using var world = new AuthWorld();
        await world.Store.SetAsync(world.ExpiredTokens());
        world.ServerAccepts = token => token is not null && token.StartsWith("renewed-", StringComparison.Ordinal);

        var refresh = Task.Run(() => world.Coordinator.GetValidTokenAsync());
        var call = Task.Run(world.CallApiAsync);
        var check = Task.Run(async () => await world.Manager.CheckAsync());
        var logout = Task.Run(() => world.Manager.LogoutAsync());
        await Task.WhenAll(refresh, call, check, logout);
        await world.SettleAsync();

        Specification.Assert(await world.Store.GetAsync() is null, "tokens survived a completed logout");
        Specification.Assert(world.Manager.Status != AuthStatus.Authenticated, "status is Authenticated after a completed logout");
        Specification.Assert(!(await world.Manager.CheckAsync()).Authenticated, "a check after the logout signs the user in again");
    });

    [Fact]
    public void OnErrorAndEndSessionAsync_ManyConcurrent401s_OneProviderLogout() => Explore.Schedules(async () =>
    {
        await using var world = new AuthWorld();
        await world.Manager.LoginAsync(new LoginRequest { Email = "a@test", Password = "p" });
        world.RefreshAnswer = _ => null;

        var work = new List<Task>();
        for (var i = 0; i < 3; i++)
        {
            work.Add(Task.Run(world.CallApiAsync));
        }

        work.Add(Task.Run(() => world.Manager.EndSessionAsync()));
        work.Add(Task.Run(() => world.Manager.OnErrorAsync(new OnErrorRequest { StatusCode = (int)HttpStatusCode.Unauthorized })));
        work.Add(Task.Run(() => world.Manager.EndSessionAsync()));
        await Task.WhenAll(work);
        await world.SettleAsync();

        Specification.Assert(world.Provider.Logouts == 1, "the session was logged out {0} times", world.Provider.Logouts);
        Specification.Assert(await world.Store.GetAsync() is null, "tokens survived the session end");
    }, iterations: 1000);

    [Fact]
    public void GetValidTokenAndForceRefresh_ManyCallersOneExpiry_OneRefresherCall() => Explore.Schedules(async () =>
    {
        await using var world = new AuthWorld();
        var expired = world.ExpiredTokens();
        await world.Store.SetAsync(expired);

        var callers = new List<Task<RefineSharp.Tokens.TokenSet?>>();
        for (var i = 0; i < 4; i++)
        {
            callers.Add(Task.Run(() => world.Coordinator.GetValidTokenAsync()));
            callers.Add(Task.Run(() => world.Coordinator.ForceRefreshAsync(expired)));
        }

        var results = await Task.WhenAll(callers);

        Specification.Assert(world.RefresherCalls == 1, "the refresher was called {0} times for one expiry", world.RefresherCalls);
        Specification.Assert(results.All(t => t?.AccessToken == "renewed-old"), "a caller did not get the renewed token");
    });

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void LoginAsync_DuringRefreshOfOldSession_EndsSignedIn(bool refreshSucceeds) => Explore.Schedules(async () =>
    {
        await using var world = new AuthWorld();
        await world.Store.SetAsync(world.ExpiredTokens());
        if (!refreshSucceeds)
        {
            world.RefreshAnswer = _ => null;
        }

        var refresh = Task.Run(() => world.Coordinator.GetValidTokenAsync());
        var login = Task.Run(() => world.Manager.LoginAsync(new LoginRequest { Email = "a@test", Password = "p" }));
        await Task.WhenAll(refresh, login);
        await world.SettleAsync();

        var tokens = await world.Store.GetAsync();
        Specification.Assert((await login).Success, "the login failed");
        Specification.Assert(tokens?.AccessToken == "login-1", "the store holds {0} instead of the new login's tokens", tokens?.AccessToken ?? "nothing");
        Specification.Assert((await world.Manager.CheckAsync()).Authenticated, "not signed in after a successful login");
    });
}
