using System.Globalization;
using System.Xml.Linq;
using RefineSharp.Tests.TestDoubles;

namespace RefineSharp.Tests.Texts;

/// <summary>docs/architecture.md difference 7: every default text goes through IStringLocalizer, with English and German resources kept in step.</summary>
public sealed class RefineTextsTests
{
    [Fact]
    public async Task LoginAsync_GermanUiCulture_ErrorNotificationIsGerman()
    {
        var provider = new RefineSharp.Tests.TestDoubles.FakeAuthProvider { Login = (_, _) => Task.FromResult(AuthActionResult.Fail()) };
        await using var host = AuthTestHost.For(provider);
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo("de-DE");
        try
        {
            await host.Manager.LoginAsync(new LoginRequest());
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }

        Assert.Equal([new AuthNotification("login-error", NotificationType.Error, "Anmeldefehler", "Ungültige Anmeldedaten")], host.Notifications.Opened);
    }

    [Fact]
    public async Task RegisterAsync_NotSupportedInGerman_UsesGermanTexts()
    {
        await using var host = AuthTestHost.For(new RequiredOnlyAuthProvider());
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo("de-DE");
        try
        {
            var result = await host.Manager.RegisterAsync();
            Assert.Equal(new AuthError("Nicht unterstützt", "Diese Anwendung unterstützt keine Registrierung."), result.Error);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    [Fact]
    public void Resources_EnglishAndGerman_HaveTheSameKeys()
    {
        var english = Keys("RefineTexts.resx");
        var german = Keys("RefineTexts.de.resx");

        Assert.NotEmpty(english);
        Assert.Empty(english.Except(german));
        Assert.Empty(german.Except(english));
    }

    [Fact]
    public void Resources_EveryKeyTheEngineUses_Exists()
    {
        var english = Keys("RefineTexts.resx");
        var used = new[] { AuthAction.Login, AuthAction.Logout, AuthAction.Register, AuthAction.ForgotPassword, AuthAction.UpdatePassword }
            .SelectMany(a => new[] { a.ErrorTitleText, a.ErrorDescriptionText, a.NotSupportedText })
            .OfType<string>()
            .Concat([TextKeys.NotSupportedTitle, TextKeys.TimeoutTitle, TextKeys.TimeoutDescription, TextKeys.InvalidResultTitle, TextKeys.InvalidResultDescription]);

        Assert.Empty(used.Except(english));
    }

    private static HashSet<string> Keys(string file)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "RefineSharp.slnx")))
        {
            dir = dir.Parent;
        }

        Assert.NotNull(dir);
        var path = Path.Combine(dir.FullName, "src", "RefineSharp.Core", "Resources", file);
        return [.. XDocument.Load(path).Root!.Elements("data").Select(e => (string)e.Attribute("name")!)];
    }
}
