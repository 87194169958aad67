using RefineSharp.Tests.TestDoubles;

namespace RefineSharp.Tests.Engine;

/// <summary>refine's notification rules shared by the five mutation hooks (spec 2.0 and the table of keys and default texts).</summary>
public sealed class AuthManagerNotificationTests
{
    private readonly FakeAuthProvider _provider = new();

    [Theory]
    [MemberData(nameof(AuthActionCase.Names), MemberType = typeof(AuthActionCase))]
    public async Task Action_FailureWithoutError_ShowsRefineDefaultTexts(string action)
    {
        var c = AuthActionCase.All[action];
        c.Script(_provider, _ => Task.FromResult(AuthActionResult.Fail()));
        await using var host = AuthTestHost.For(_provider);

        await c.Invoke(host.Manager, default);

        Assert.Equal([new AuthNotification(c.ErrorKey, NotificationType.Error, c.DefaultTitle, c.DefaultDescription)], host.Notifications.Opened);
        Assert.Empty(host.Notifications.Closed);
    }

    [Theory]
    [MemberData(nameof(AuthActionCase.Names), MemberType = typeof(AuthActionCase))]
    public async Task Action_FailureWithError_ShowsErrorNameAndMessage(string action)
    {
        var c = AuthActionCase.All[action];
        c.Script(_provider, _ => Task.FromResult(AuthActionResult.Fail("Custom", "Something specific")));
        await using var host = AuthTestHost.For(_provider);

        await c.Invoke(host.Manager, default);

        Assert.Equal([new AuthNotification(c.ErrorKey, NotificationType.Error, "Custom", "Something specific")], host.Notifications.Opened);
    }

    [Theory]
    [MemberData(nameof(AuthActionCase.Names), MemberType = typeof(AuthActionCase))]
    public async Task Action_ProviderThrows_FailedResultAndGenericNotification(string action)
    {
        var c = AuthActionCase.All[action];
        c.Script(_provider, _ => throw new ArgumentException("Unhandled error"));
        await using var host = AuthTestHost.For(_provider);

        var result = await c.Invoke(host.Manager, default);

        Assert.False(result.Success);
        Assert.Equal(new AuthError("Something went wrong", "The sign-in service could not complete the request. Please try again later."), result.Error);
        Assert.Equal([new AuthNotification(c.ErrorKey, NotificationType.Error, result.Error!.Name, result.Error.Message)], host.Notifications.Opened);
    }

    [Theory]
    [MemberData(nameof(AuthActionCase.Names), MemberType = typeof(AuthActionCase))]
    public async Task Action_SuccessNotification_ClosesErrorAndOpensSuccessKey(string action)
    {
        var c = AuthActionCase.All[action];
        c.Script(_provider, _ => Task.FromResult(AuthActionResult.Ok() with { SuccessNotification = new SuccessNotification("Done", "All good") }));
        await using var host = AuthTestHost.For(_provider);

        await c.Invoke(host.Manager, default);

        Assert.Equal(
            [new NotificationCall(c.ErrorKey, null), new NotificationCall(c.SuccessKey, new AuthNotification(c.SuccessKey, NotificationType.Success, "Done", "All good"))],
            host.Notifications.Calls);
    }

    [Theory]
    [MemberData(nameof(AuthActionCase.Names), MemberType = typeof(AuthActionCase))]
    public async Task Action_SuccessWithoutNotification_OnlyClosesError(string action)
    {
        var c = AuthActionCase.All[action];
        await using var host = AuthTestHost.For(_provider);

        var result = await c.Invoke(host.Manager, default);

        Assert.True(result.Success);
        Assert.Equal([new NotificationCall(c.ErrorKey, null)], host.Notifications.Calls);
    }
}
