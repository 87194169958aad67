using RefineSharp.Tests.TestDoubles;

namespace RefineSharp.Tests.Engine;

/// <summary>refine-auth-spec.md section 5, useIsExistAuthentication, against <see cref="AuthManager.IsProvided"/>, and the engine without a provider.</summary>
public sealed class AuthManagerIsProvidedTests
{
    [Fact]
    public async Task IsProvided_WithProvider_IsTrue()
    {
        await using var host = AuthTestHost.For(new FakeAuthProvider());

        Assert.True(host.Manager.IsProvided);
    }

    [Fact]
    public async Task IsProvided_WithoutProvider_IsFalseAndFeaturesNone()
    {
        await using var host = AuthTestHost.Create(refine: null);

        Assert.False(host.Manager.IsProvided);
        Assert.Equal(AuthFeatures.None, host.Manager.Features);
    }

    [Fact]
    public async Task UseProvider_WithoutRegisteredProvider_MakesItProvided()
    {
        await using var host = AuthTestHost.Create(refine: null);
        var provider = new FakeAuthProvider();

        host.Manager.UseProvider(provider);
        await host.Manager.CheckAsync();

        Assert.True(host.Manager.IsProvided);
        Assert.Equal(1, provider.CallsTo(nameof(AuthProvider.CheckAsync)));
    }

    public static TheoryData<string> Members =>
    [
        "login", "logout", "register", "forgotPassword", "updatePassword", "check", "onError", "identity", "permissions",
    ];

    [Theory]
    [MemberData(nameof(Members))]
    public async Task Member_WithoutProvider_ThrowsInvalidOperationNamingAddAuthProvider(string member)
    {
        await using var host = AuthTestHost.Create(refine: null);
        var m = host.Manager;
        Func<Task> call = member switch
        {
            "login" => () => m.LoginAsync(),
            "logout" => () => m.LogoutAsync(),
            "register" => () => m.RegisterAsync(),
            "forgotPassword" => () => m.ForgotPasswordAsync(),
            "updatePassword" => () => m.UpdatePasswordAsync(),
            "check" => () => m.CheckAsync().AsTask(),
            "onError" => () => m.OnErrorAsync(),
            "identity" => () => m.GetIdentityAsync().AsTask(),
            _ => () => m.GetPermissionsAsync().AsTask(),
        };

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(call);

        Assert.Contains("AddAuthProvider", ex.Message, StringComparison.Ordinal);
    }
}
