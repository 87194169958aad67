using Microsoft.Extensions.Logging;
using RefineSharp.Tests.TestDoubles;

namespace RefineSharp.Tests.Engine;

/// <summary>
/// docs/architecture.md difference 2 for each of the nine members: a provider that throws, returns null, hangs past
/// <see cref="RefineOptions.ProviderTimeout"/> or cancels itself never crashes the caller; the caller's own
/// cancellation throws <see cref="OperationCanceledException"/> and shows nothing.
/// </summary>
public sealed class ProviderFaultTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    private readonly FakeAuthProvider _provider = new();

    public static TheoryData<string, ProviderFault> MembersAndFaults()
    {
        var data = new TheoryData<string, ProviderFault>();
        foreach (var member in ProviderMemberCase.All)
        {
            foreach (var fault in Enum.GetValues<ProviderFault>())
            {
                data.Add(member, fault);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(MembersAndFaults))]
    public async Task Member_ProviderMisbehaves_CallerGetsDefinedOutcome(string member, ProviderFault fault)
    {
        _provider.SetFault(member, fault);
        await using var host = AuthTestHost.For(_provider, o => o.ProviderTimeout = Timeout);

        var pending = ProviderMemberCase.InvokeAsync(host.Manager, member);
        if (fault == ProviderFault.Hangs)
        {
            host.Time.Advance(Timeout);
        }

        var outcome = await pending;

        switch (outcome)
        {
            case AuthActionResult action:
                Assert.False(action.Success);
                Assert.NotNull(action.Error);
                Assert.Equal(ExpectedErrorName(fault), action.Error.Name);
                Assert.Single(host.Errors);
                break;
            case CheckResult check:
                Assert.False(check.Authenticated);
                Assert.Equal(ExpectedErrorName(fault), check.Error?.Name);
                Assert.Equal(AuthStatus.Unauthenticated, host.Manager.Status);
                Assert.Empty(host.Notifications.Calls);
                break;
            case OnErrorResult onError:
                Assert.Equal(ExpectedErrorName(fault), onError.Error?.Name);
                Assert.Equal(0, _provider.CallsTo(nameof(AuthProvider.LogoutAsync)));
                Assert.Empty(host.Notifications.Calls);
                break;
            default:
                Assert.Null(outcome);
                Assert.Empty(host.Notifications.Calls);
                break;
        }

        Assert.Empty(host.Navigator.Navigations);
        if (fault is ProviderFault.Throws or ProviderFault.ThrowsAsync)
        {
            Assert.Contains(host.Logs.Entries, e => e.Level == LogLevel.Error && e.Exception is InvalidOperationException);
        }
        else if (fault == ProviderFault.Hangs)
        {
            Assert.Contains(host.Logs.Entries, e => e.Message.Contains("did not answer", StringComparison.Ordinal));
        }
    }

    [Theory]
    [MemberData(nameof(ProviderMemberCase.AllData), MemberType = typeof(ProviderMemberCase))]
    public async Task Member_CallerCancelsWhileProviderHangs_ThrowsOperationCanceledAndShowsNothing(string member)
    {
        _provider.SetFault(member, ProviderFault.Hangs);
        await using var host = AuthTestHost.For(_provider);
        using var cts = new CancellationTokenSource();

        var pending = ProviderMemberCase.InvokeAsync(host.Manager, member, cts.Token);
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pending);
        Assert.Empty(host.Notifications.Calls);
        Assert.Empty(host.Navigator.Navigations);
        Assert.DoesNotContain(host.Logs.Entries, e => e.Level >= LogLevel.Warning);
    }

    [Theory]
    [MemberData(nameof(ProviderMemberCase.AllData), MemberType = typeof(ProviderMemberCase))]
    public async Task Member_TokenAlreadyCancelled_ThrowsOperationCanceledWithoutCallingProvider(string member)
    {
        await using var host = AuthTestHost.For(_provider);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => ProviderMemberCase.InvokeAsync(host.Manager, member, new CancellationToken(canceled: true)));
        Assert.Empty(_provider.Calls);
        Assert.Empty(host.Notifications.Calls);
    }

    [Theory]
    [MemberData(nameof(ProviderMemberCase.AllData), MemberType = typeof(ProviderMemberCase))]
    public async Task Member_ProviderReceivesTokenThatTheTimeoutCancels(string member)
    {
        var tokens = new List<CancellationToken>();
        _provider.SetFault(member, ProviderFault.Hangs);
        await using var host = AuthTestHost.For(_provider, o => o.ProviderTimeout = Timeout);

        var pending = ProviderMemberCase.InvokeAsync(host.Manager, member);
        var token = Assert.Single(_provider.Calls, c => c.Member == member).CancellationToken;
        Assert.False(token.IsCancellationRequested);
        host.Time.Advance(Timeout);
        await pending;

        Assert.True(token.IsCancellationRequested);
    }

    [Theory]
    [MemberData(nameof(ProviderMemberCase.AllData), MemberType = typeof(ProviderMemberCase))]
    public async Task Member_NullRequest_ProviderGetsAnEmptyRequestOfItsType(string member)
    {
        await using var host = AuthTestHost.For(_provider);

        await ProviderMemberCase.InvokeAsync(host.Manager, member);

        var call = Assert.Single(_provider.Calls, c => c.Member == member);
        Assert.IsType(ProviderMemberCase.RequestType(member), call.Request);
        Assert.Empty(call.Request.Extra);
    }

    [Fact]
    public async Task CheckAsync_ProviderThrows_FailureIsNotCached()
    {
        _provider.SetFault(nameof(AuthProvider.CheckAsync), ProviderFault.Throws);
        await using var host = AuthTestHost.For(_provider);
        await host.Manager.CheckAsync();

        _provider.Check = (_, _) => Task.FromResult(CheckResult.Ok());
        var second = await host.Manager.CheckAsync();

        Assert.True(second.Authenticated);
        Assert.Equal(2, _provider.CallsTo(nameof(AuthProvider.CheckAsync)));
    }

    [Fact]
    public async Task CheckAsync_DefaultTimeoutOfThirtySeconds_FailsClosed()
    {
        _provider.SetFault(nameof(AuthProvider.CheckAsync), ProviderFault.Hangs);
        await using var host = AuthTestHost.For(_provider);
        Assert.Equal(TimeSpan.FromSeconds(30), host.Manager.Options.ProviderTimeout);

        var pending = host.Manager.CheckAsync();
        host.Time.Advance(TimeSpan.FromSeconds(30));
        var result = await pending;

        Assert.False(result.Authenticated);
        Assert.Equal(new AuthError("Timeout", "The sign-in service did not answer within 30 seconds. Please try again."), result.Error);
    }

    [Fact]
    public async Task LoginAsync_NavigatorThrows_ResultStillReturnedAndLogged()
    {
        _provider.Login = (_, _) => Task.FromResult(AuthActionResult.Ok("/home") with { SuccessNotification = new SuccessNotification("Hi") });
        await using var host = AuthTestHost.For(_provider);
        host.Navigator.ThrowOnNavigate = new InvalidOperationException("router gone");

        var result = await host.Manager.LoginAsync(new LoginRequest());

        Assert.True(result.Success);
        Assert.Single(host.Navigator.Navigations);
        Assert.Contains(host.Notifications.Opened, n => n.Key == "login-success");
        Assert.Contains(host.Logs.Entries, e => e.Exception?.Message == "router gone");
    }

    [Fact]
    public async Task LoginAsync_CurrentUriThrows_LoginStillWorks()
    {
        _provider.Login = (_, _) => Task.FromResult(AuthActionResult.Ok("/home"));
        await using var host = AuthTestHost.For(_provider);
        host.Navigator.ThrowOnCurrentUri = new InvalidOperationException("no uri");

        var result = await host.Manager.LoginAsync(new LoginRequest());

        Assert.True(result.Success);
        Assert.Equal([new Navigation("/home", NavigationKind.Replace)], host.Navigator.Navigations);
    }

    [Theory]
    [MemberData(nameof(AuthActionCase.Names), MemberType = typeof(AuthActionCase))]
    public async Task Action_NotificationServiceThrows_ResultStillReturned(string action)
    {
        var c = AuthActionCase.All[action];
        c.Script(_provider, _ => Task.FromResult(AuthActionResult.Fail("E", "M")));
        await using var host = AuthTestHost.For(_provider);
        host.Notifications.ThrowOnCall = new InvalidOperationException("toaster gone");

        var result = await c.Invoke(host.Manager, default);

        Assert.Equal(new AuthError("E", "M"), result.Error);
        Assert.Contains(host.Logs.Entries, e => e.Exception?.Message == "toaster gone");
    }

    [Fact]
    public async Task LogoutAsync_NavigatorAndNotificationsThrow_NoExceptionEscapes()
    {
        _provider.Logout = (_, _) => Task.FromResult(AuthActionResult.Ok("/login") with { SuccessNotification = new SuccessNotification("Bye") });
        await using var host = AuthTestHost.For(_provider);
        host.Navigator.ThrowOnNavigate = new InvalidOperationException("router gone");
        host.Notifications.ThrowOnCall = new InvalidOperationException("toaster gone");

        var result = await host.Manager.LogoutAsync();

        Assert.True(result.Success);
    }

    [Fact]
    public async Task AuthStateChanged_HandlerThrows_ActionStillCompletesAndOtherHandlersRun()
    {
        await using var host = AuthTestHost.For(_provider);
        var reached = false;
        host.Manager.AuthStateChanged += (_, _) => throw new InvalidOperationException("bad subscriber");
        host.Manager.AuthStateChanged += (_, _) => reached = true;

        var result = await host.Manager.LoginAsync();

        Assert.True(result.Success);
        Assert.True(reached);
    }

    private static string ExpectedErrorName(ProviderFault fault) => fault switch
    {
        // A throw (or a provider that cancels itself) reads as a generic text: the exception stays in the log.
        ProviderFault.ReturnsNull or ProviderFault.ReturnsNullTask => "Invalid response",
        ProviderFault.Hangs => "Timeout",
        _ => "Something went wrong",
    };
}
