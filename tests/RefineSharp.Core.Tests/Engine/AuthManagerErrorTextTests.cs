using System.Globalization;
using RefineSharp.Tests.TestDoubles;

namespace RefineSharp.Tests.Engine;

/// <summary>
/// Users read generic localized texts when a provider throws: the exception's type and message (host names,
/// configuration hints) go to the log only, unless the app opts in with <see cref="RefineOptions.ShowErrorDetails"/>
/// (Development). A provider's own failed result is its deliberate text and passes through unchanged.
/// </summary>
public sealed class AuthManagerErrorTextTests
{
    private const string GenericTitle = "Something went wrong";
    private const string GenericDescription = "The sign-in service could not complete the request. Please try again later.";
    private readonly FakeAuthProvider _provider = new();

    public static TheoryData<string, string> ActionsAndLeaks()
    {
        var data = new TheoryData<string, string>();
        foreach (var action in AuthActionCase.All.Keys)
        {
            data.Add(action, "host");
            data.Add(action, "config");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ActionsAndLeaks))]
    public async Task Action_ProviderThrowsInternals_NotificationAndResultShowNeitherTypeNorMessage(string action, string leak)
    {
        var thrown = Leak(leak);
        var c = AuthActionCase.All[action];
        c.Script(_provider, _ => throw thrown);
        await using var host = AuthTestHost.For(_provider);

        var result = await c.Invoke(host.Manager, default);

        Assert.False(result.Success);
        Assert.Equal(new AuthError(GenericTitle, GenericDescription), result.Error);
        var shown = Assert.Single(host.Errors);
        AssertNoInternals(thrown, shown.Message, shown.Description!, result.Error!.Name, result.Error.Message);
        Assert.Contains(host.Logs.Entries, e => ReferenceEquals(e.Exception, thrown));
    }

    [Theory]
    [MemberData(nameof(ActionsAndLeaks))]
    public async Task Action_ProviderThrowsWithShowErrorDetails_NotificationAndResultShowTypeAndMessage(string action, string leak)
    {
        var thrown = Leak(leak);
        var c = AuthActionCase.All[action];
        c.Script(_provider, _ => throw thrown);
        await using var host = AuthTestHost.For(_provider, o => o.ShowErrorDetails = true);

        var result = await c.Invoke(host.Manager, default);

        Assert.Equal(new AuthError(thrown.GetType().Name, thrown.Message), result.Error);
        Assert.Equal([new AuthNotification(c.ErrorKey, NotificationType.Error, thrown.GetType().Name, thrown.Message)], host.Errors);
    }

    [Theory]
    [InlineData("host")]
    [InlineData("config")]
    public async Task CheckAndOnError_ProviderThrowsInternals_ErrorIsGeneric(string leak)
    {
        var thrown = Leak(leak);
        _provider.Check = (_, _) => throw thrown;
        _provider.OnError = (_, _) => throw thrown;
        await using var host = AuthTestHost.For(_provider);

        var check = await host.Manager.CheckAsync();
        var onError = await host.Manager.OnErrorAsync(new OnErrorRequest { StatusCode = 500 });

        Assert.False(check.Authenticated);
        Assert.Equal(new AuthError(GenericTitle, GenericDescription), check.Error);
        Assert.Equal(new AuthError(GenericTitle, GenericDescription), onError.Error);
        AssertNoInternals(thrown, check.Error!.Name, check.Error.Message, onError.Error!.Name, onError.Error.Message);
    }

    [Fact]
    public async Task LoginAsync_ProviderThrowsUnderGermanCulture_GenericTextIsGerman()
    {
        _provider.Login = (_, _) => throw Leak("host");
        await using var host = AuthTestHost.For(_provider);
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo("de-DE");
        AuthActionResult result;
        try
        {
            result = await host.Manager.LoginAsync(new LoginRequest());
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }

        var expected = new AuthError("Etwas ist schiefgegangen", "Der Anmeldedienst konnte die Anfrage nicht ausführen. Bitte versuchen Sie es später erneut.");
        Assert.Equal(expected, result.Error);
        Assert.Equal([new AuthNotification("login-error", NotificationType.Error, expected.Name, expected.Message)], host.Errors);
    }

    [Fact]
    public async Task LoginAsync_ProviderOwnFailure_PassesItsTextUnchanged()
    {
        // The provider's own AuthError is its deliberate text for the user (refine semantics): not replaced.
        _provider.Login = (_, _) => Task.FromResult(AuthActionResult.Fail("InvalidOperationException", "Connection string 'X' missing"));
        await using var host = AuthTestHost.For(_provider);

        var result = await host.Manager.LoginAsync(new LoginRequest());

        Assert.Equal(new AuthError("InvalidOperationException", "Connection string 'X' missing"), result.Error);
        Assert.Equal([new AuthNotification("login-error", NotificationType.Error, "InvalidOperationException", "Connection string 'X' missing")], host.Errors);
    }

    [Fact]
    public void AuthErrorFromException_InternalsInMessage_NeitherTypeNorMessage()
    {
        var thrown = Leak("host");

        var error = AuthError.FromException(thrown);

        AssertNoInternals(thrown, error.Name, error.Message);
    }

    private static Exception Leak(string kind) => kind switch
    {
        "host" => new HttpRequestException("No such host is known. (secret-db.internal:5432)"),
        _ => new InvalidOperationException("Connection string 'X' missing"),
    };

    private static void AssertNoInternals(Exception thrown, params string[] shown)
    {
        foreach (var text in shown)
        {
            Assert.DoesNotContain(thrown.GetType().Name, text, StringComparison.Ordinal);
            Assert.DoesNotContain(thrown.Message, text, StringComparison.Ordinal);
            Assert.DoesNotContain("secret-db", text, StringComparison.Ordinal);
            Assert.DoesNotContain("Connection string", text, StringComparison.Ordinal);
        }
    }
}
