using Microsoft.Extensions.Logging;
using RefineSharp.Tests.TestDoubles;

namespace RefineSharp.Tests.Engine;

// Written against the mutants Stryker left alive in AuthManager.Actions.cs (docs/quality.md): the log line of a
// refused redirect names its source, a missing member is logged, and a request without URL parameters reaches the
// provider unchanged.
public sealed class AuthManagerActionsMutationTests
{
    private const string Hostile = "//evil.example";

    private readonly FakeAuthProvider _provider = new();

    public static TheoryData<string> Sources =>
    [
        "LoginAsync RedirectTo",
        "RegisterAsync RedirectTo",
        "ForgotPasswordAsync RedirectTo",
        "UpdatePasswordAsync RedirectTo",
        "LogoutRequest.RedirectPath",
        "LogoutAsync RedirectTo",
        "OnErrorAsync RedirectTo (logout)",
        "OnErrorAsync RedirectTo (navigate)",
    ];

    [Theory]
    [MemberData(nameof(Sources))]
    public async Task Action_HostileRedirect_IsRefusedAndLoggedWithItsSource(string source)
    {
        _provider.Login = (_, _) => Task.FromResult(AuthActionResult.Ok(Hostile));
        _provider.Register = (_, _) => Task.FromResult(AuthActionResult.Ok(Hostile));
        _provider.ForgotPassword = (_, _) => Task.FromResult(AuthActionResult.Ok(Hostile));
        _provider.UpdatePassword = (_, _) => Task.FromResult(AuthActionResult.Ok(Hostile));
        _provider.Logout = (_, _) => Task.FromResult(AuthActionResult.Ok(Hostile));
        _provider.OnError = (_, _) => Task.FromResult(source.EndsWith("(logout)", StringComparison.Ordinal)
            ? OnErrorResult.LogoutTo(Hostile)
            : OnErrorResult.NavigateTo(Hostile));
        await using var host = AuthTestHost.For(_provider, o => o.ReturnToPageAfterSessionEnds = false);

        var run = source switch
        {
            "LoginAsync RedirectTo" => host.Manager.LoginAsync(new LoginRequest()),
            "RegisterAsync RedirectTo" => host.Manager.RegisterAsync(new RegisterRequest()),
            "ForgotPasswordAsync RedirectTo" => host.Manager.ForgotPasswordAsync(new ForgotPasswordRequest()),
            "UpdatePasswordAsync RedirectTo" => host.Manager.UpdatePasswordAsync(new UpdatePasswordRequest()),
            "LogoutRequest.RedirectPath" => host.Manager.LogoutAsync(new LogoutRequest { RedirectPath = Hostile }),
            "LogoutAsync RedirectTo" => host.Manager.LogoutAsync(new LogoutRequest()),
            _ => (Task)host.Manager.OnErrorAsync(new OnErrorRequest { StatusCode = 401 }),
        };
        await run;

        var logged = source.Replace(" (logout)", "", StringComparison.Ordinal).Replace(" (navigate)", "", StringComparison.Ordinal);
        Assert.Contains(host.Logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("from " + logged + " that is not a local path", StringComparison.Ordinal));
        Assert.Empty(host.Navigator.Navigations);
    }

    [Fact]
    public async Task RegisterAsync_ProviderWithoutRegister_LogsTheMissingMember()
    {
        await using var host = AuthTestHost.For(new RequiredOnlyAuthProvider());

        Assert.False((await host.Manager.RegisterAsync(new RegisterRequest())).Success);

        Assert.Contains(host.Logs.Entries, e => e.Level == LogLevel.Information && e.Message.Contains("does not implement RegisterAsync", StringComparison.Ordinal));
    }

    [Fact]
    public async Task UpdatePasswordAsync_NoUrlParameters_PassesTheRequestUnchanged()
    {
        await using var host = AuthTestHost.For(_provider);
        host.Navigator.CurrentUri = "http://localhost/update-password";
        var request = new UpdatePasswordRequest { Password = "n3w-Secret!" };

        await host.Manager.UpdatePasswordAsync(request);

        Assert.Same(request, Assert.Single(_provider.RequestsTo<UpdatePasswordRequest>(nameof(AuthProvider.UpdatePasswordAsync))));
    }
}
