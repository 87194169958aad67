using Microsoft.Extensions.DependencyInjection;

namespace RefineSharp.Blazor.Tests.Actions;

public sealed class AuthActionsTests : RefineTestBase
{
    private AuthActions Actions => Services.GetRequiredService<AuthActions>();

    [Fact]
    public async Task Login_WhileRunning_IsPendingThenKeepsTheResult()
    {
        var answer = new TaskCompletionSource<AuthActionResult>();
        Provider.LoginHandler = (_, _) => answer.Task;
        var actions = Actions;
        var changes = 0;
        actions.Login.StateChanged += (_, _) => changes++;

        var running = OnRendererAsync(() => actions.LoginAsync(new LoginRequest { Email = "a@b.c" }));
        Assert.True(actions.Login.IsPending);
        Assert.True(actions.IsPending);
        answer.SetResult(AuthActionResult.Ok());
        var result = await running;

        Assert.False(actions.Login.IsPending);
        Assert.Same(result, actions.Login.LastResult);
        Assert.Null(actions.Login.Error);
        Assert.Equal(2, changes);
    }

    [Fact]
    public async Task Register_Fails_ExposesTheError()
    {
        Provider.RegisterResult = AuthActionResult.Fail("Taken", "That email is in use");
        var actions = Actions;

        await OnRendererAsync(() => actions.RegisterAsync(new RegisterRequest { Email = "a@b.c" }));

        Assert.Equal(new AuthError("Taken", "That email is in use"), actions.Register.Error);
        Assert.False(actions.Register.LastResult!.Success);
    }

    [Fact]
    public async Task OnError_LogoutAnswer_LogsOut()
    {
        Provider.OnErrorResult = OnErrorResult.LogoutTo("/login");
        var actions = Actions;

        await OnRendererAsync(() => actions.OnErrorAsync(new OnErrorRequest { StatusCode = 401 }));

        Assert.Equal("/login", Provider.RequestsOf<LogoutRequest>().Single().RedirectPath);
        Assert.True(actions.OnError.LastResult!.Logout);
    }

    [Fact]
    public async Task Reset_ForgetsTheLastResult()
    {
        var actions = Actions;
        await OnRendererAsync(() => actions.LogoutAsync());

        actions.Logout.Reset();

        Assert.Null(actions.Logout.LastResult);
    }

    [Fact]
    public void InvalidateAuthStore_RaisesAnInvalidation()
    {
        var actions = Actions;
        AuthChangeReason? reason = null;
        Auth.AuthStateChanged += (_, e) => reason = e.Reason;

        actions.InvalidateAuthStore();

        Assert.Equal(AuthChangeReason.Invalidated, reason);
        Assert.True(actions.IsProvided);
    }
}
