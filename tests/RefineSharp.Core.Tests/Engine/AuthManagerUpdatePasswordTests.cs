using RefineSharp.Tests.TestDoubles;

namespace RefineSharp.Tests.Engine;

/// <summary>
/// refine-auth-spec.md section 5, useUpdatePassword, against <see cref="AuthManager.UpdatePasswordAsync"/>. Redirect
/// and invalidation items: <see cref="AuthManagerActionRedirectTests"/>; notification items:
/// <see cref="AuthManagerNotificationTests"/>. The mutationFn / mutationKey override items do not apply in C#.
/// </summary>
public sealed class AuthManagerUpdatePasswordTests
{
    private readonly FakeAuthProvider _provider = new();

    [Fact]
    public async Task UpdatePasswordAsync_Succeeds_SendsThePasswords()
    {
        await using var host = AuthTestHost.For(_provider);

        var result = await host.Manager.UpdatePasswordAsync(new UpdatePasswordRequest { Password = "n", ConfirmPassword = "n" });

        Assert.True(result.Success);
        var sent = Assert.Single(_provider.RequestsTo<UpdatePasswordRequest>(nameof(AuthProvider.UpdatePasswordAsync)));
        Assert.Equal(("n", "n"), (sent.Password, sent.ConfirmPassword));
    }

    [Fact]
    public async Task UpdatePasswordAsync_UrlParameters_AreMergedAndRequestValuesWin()
    {
        await using var host = AuthTestHost.For(_provider);
        host.Navigator.CurrentUri = "http://localhost/update-password?code=abc%20123&email=a%40b.c&mode=url";

        await host.Manager.UpdatePasswordAsync(new UpdatePasswordRequest
        {
            Password = "n",
            ConfirmPassword = "n",
            Extra = new Dictionary<string, object?> { ["mode"] = "form" },
        });

        var sent = Assert.Single(_provider.RequestsTo<UpdatePasswordRequest>(nameof(AuthProvider.UpdatePasswordAsync)));
        Assert.Equal("n", sent.Password);
        Assert.Equal("abc 123", sent.GetExtraString("code"));
        Assert.Equal("a@b.c", sent.GetExtraString("email"));
        Assert.Equal("form", sent.GetExtraString("mode"));
    }
}
