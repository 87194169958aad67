using RefineSharp.Tests.TestDoubles;

namespace RefineSharp.Tests.Contract;

/// <summary>docs/architecture.md difference 4: acting on <see cref="CheckResult.Logout"/> is the Blazor guard's job; Core only carries it.</summary>
public sealed class CheckResultTests
{
    [Fact]
    public void Fail_WithLogout_CarriesAllValues()
    {
        var error = new AuthError("Expired", "Session expired");

        var result = CheckResult.Fail("/login", logout: true, error: error);

        Assert.Equal(new CheckResult { Authenticated = false, RedirectTo = "/login", Logout = true, Error = error }, result);
    }

    [Fact]
    public void Ok_And_DefaultFail_DoNotAskForLogout()
    {
        Assert.Equal(new CheckResult { Authenticated = true }, CheckResult.Ok());
        Assert.False(CheckResult.Fail().Logout);
    }

    [Fact]
    public async Task AuthManagerCheckAsync_ProviderAsksForLogout_CarriesItWithoutLoggingOut()
    {
        var provider = new FakeAuthProvider { Check = (_, _) => Task.FromResult(CheckResult.Fail("/login", logout: true)) };
        await using var host = AuthTestHost.For(provider);

        var result = await host.Manager.CheckAsync();

        Assert.True(result.Logout);
        Assert.Equal("/login", result.RedirectTo);
        Assert.Equal(0, provider.CallsTo(nameof(AuthProvider.LogoutAsync)));
        Assert.Empty(host.Navigator.Navigations);
    }
}
