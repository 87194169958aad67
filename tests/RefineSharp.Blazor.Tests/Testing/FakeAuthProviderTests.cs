using RefineSharp.Testing;

namespace RefineSharp.Blazor.Tests.Testing;

public sealed class FakeAuthProviderTests
{
    [Fact]
    public async Task Calls_AreRecordedWithTheirRequests()
    {
        var provider = new FakeAuthProvider { LoginResult = AuthActionResult.Fail("Nope", "wrong") };

        var result = await provider.LoginAsync(new LoginRequest { Email = "ann@example.com" });
        await provider.CheckAsync(new CheckRequest());

        Assert.False(result.Success);
        Assert.Equal(["LoginAsync", "CheckAsync"], provider.Calls.Select(c => c.Member));
        Assert.Equal("ann@example.com", provider.RequestsOf<LoginRequest>().Single().Email);
        Assert.Equal(1, provider.CallCount("CheckAsync"));
        provider.ClearCalls();
        Assert.Empty(provider.Calls);
    }

    [Fact]
    public async Task Handler_WinsOverTheConfiguredAnswer()
    {
        var provider = new FakeAuthProvider { CheckHandler = (r, _) => Task.FromResult(r.GetExtraString("ok") == "1" ? CheckResult.Ok() : CheckResult.Fail()) };

        var answer = await provider.CheckAsync(new CheckRequest { Extra = new Dictionary<string, object?> { ["ok"] = "1" } });

        Assert.True(answer.Authenticated);
    }

    [Fact]
    public void Features_FullAndMinimal_DifferAsDocumented()
    {
        Assert.Equal(
            AuthFeatures.Register | AuthFeatures.ForgotPassword | AuthFeatures.UpdatePassword | AuthFeatures.Identity | AuthFeatures.Permissions,
            new FakeAuthProvider().Features);
        Assert.Equal(AuthFeatures.None, new FakeMinimalAuthProvider().Features);
    }
}
