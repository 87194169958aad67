namespace RefineSharp.Tests.Contract;

public sealed class AuthRequestTests
{
    [Fact]
    public void GetExtraString_PresentAbsentAndNull_ReturnsStringOrNull()
    {
        var request = new LoginRequest { Extra = new Dictionary<string, object?> { ["code"] = 1234, ["none"] = null } };

        Assert.Equal("1234", request.GetExtraString("code"));
        Assert.Null(request.GetExtraString("none"));
        Assert.Null(request.GetExtraString("missing"));
    }

    [Fact]
    public void AuthErrorFromException_Default_GenericTextWithoutTypeOrMessage() =>
        Assert.Equal(
            new AuthError("Something went wrong", "The sign-in service could not complete the request. Please try again later."),
            AuthError.FromException(new TimeoutException("slow")));

    [Fact]
    public void AuthErrorFromException_IncludeDetails_UsesTypeNameAndMessage() =>
        Assert.Equal(new AuthError("TimeoutException", "slow"), AuthError.FromException(new TimeoutException("slow"), includeDetails: true));

    [Fact]
    public void AuthErrorFromException_GermanUiCulture_GenericTextIsGerman()
    {
        var previous = System.Globalization.CultureInfo.CurrentUICulture;
        System.Globalization.CultureInfo.CurrentUICulture = new System.Globalization.CultureInfo("de-DE");
        try
        {
            Assert.Equal(
                new AuthError("Etwas ist schiefgegangen", "Der Anmeldedienst konnte die Anfrage nicht ausführen. Bitte versuchen Sie es später erneut."),
                AuthError.FromException(new InvalidOperationException("Connection string 'X' missing")));
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentUICulture = previous;
        }
    }
}
