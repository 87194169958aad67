using RefineSharp.Tests.TestDoubles;

namespace RefineSharp.Tests.Engine;

/// <summary>
/// refine-auth-spec.md section 5, useForgotPassword, against <see cref="AuthManager.ForgotPasswordAsync"/>. Redirect
/// and invalidation items: <see cref="AuthManagerActionRedirectTests"/>; notification items:
/// <see cref="AuthManagerNotificationTests"/>. The mutationFn / mutationKey override items do not apply in C#.
/// </summary>
public sealed class AuthManagerForgotPasswordTests
{
    [Fact]
    public async Task ForgotPasswordAsync_Succeeds_SendsTheEmailAndShowsNoError()
    {
        var provider = new FakeAuthProvider();
        await using var host = AuthTestHost.For(provider);

        var result = await host.Manager.ForgotPasswordAsync(new ForgotPasswordRequest { Email = "a@b.c" });

        Assert.True(result.Success);
        Assert.Equal("a@b.c", Assert.Single(provider.RequestsTo<ForgotPasswordRequest>(nameof(AuthProvider.ForgotPasswordAsync))).Email);
        Assert.Empty(host.Errors);
    }
}
