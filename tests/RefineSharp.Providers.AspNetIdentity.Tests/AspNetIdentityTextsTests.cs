using System.Globalization;
using System.Xml.Linq;
using RefineSharp.Providers.AspNetIdentity.Tests.Fixtures;

namespace RefineSharp.Providers.AspNetIdentity.Tests;

/// <summary>The provider's texts exist in English and German, key for key, and the German ones are used.</summary>
public sealed class AspNetIdentityTextsTests(IdentityApiServerFixture fixture) : IClassFixture<IdentityApiServerFixture>
{
    [Fact]
    public void Resources_EnglishAndGerman_HaveTheSameKeys()
    {
        var folder = Path.Combine(FindRepositoryRoot(), "src", "RefineSharp.Providers.AspNetIdentity", "Resources");

        var english = Keys(Path.Combine(folder, "AspNetIdentityTexts.resx"));
        var german = Keys(Path.Combine(folder, "AspNetIdentityTexts.de.resx"));

        Assert.NotEmpty(english);
        Assert.Equal(english, german);
    }

    [Fact]
    public async Task LoginAsync_WrongPasswordInGerman_ShowsGermanTexts()
    {
        var email = IdentityApiServerFixture.NewEmail();
        await fixture.Server.CreateUserAsync(email, "Passw0rd!");
        await using var app = new ClientApp(fixture.Server.BaseAddress);
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo("de-DE");
        try
        {
            var result = await app.LoginAsync(email, "Wrong0ne!");

            Assert.Equal(("Anmeldefehler", "E-Mail-Adresse oder Passwort ist falsch. Nach mehreren Fehlversuchen ist die Anmeldung einige Minuten gesperrt."), (result.Error?.Name, result.Error?.Message));
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    private static string[] Keys(string resx) =>
        [.. XDocument.Load(resx).Root!.Elements("data").Select(d => (string)d.Attribute("name")!).Order(StringComparer.Ordinal)];

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "RefineSharp.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("RefineSharp.slnx not found above " + AppContext.BaseDirectory);
    }
}
