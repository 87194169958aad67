using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using RefineSharp.Providers.AspNetIdentity.Tests.Fixtures;

namespace RefineSharp.Providers.AspNetIdentity.Tests;

/// <summary>
/// Every refused sign-in reads the same to the user, whatever the server's reason ("Failed", "LockedOut",
/// "NotAllowed", or one it does not know): a different text would tell whoever types an address that it has an account.
/// The reasons come from a stub /login that answers 401 with the reason the email's local part names, in English and German.
/// </summary>
public sealed class AspNetIdentityAuthProviderEnumerationTests : IAsyncLifetime
{
    private static readonly string[] Reasons = ["Failed", "LockedOut", "NotAllowed", "lockedout", "SomethingNew"];

    private WebApplication? _stub;
    private Uri _address = null!;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _stub = builder.Build();
        _stub.MapPost("/login", async (HttpRequest request) =>
        {
            using var body = await System.Text.Json.JsonDocument.ParseAsync(request.Body);
            var reason = body.RootElement.GetProperty("email").GetString()!.Split('@')[0];
            return Results.Problem(reason, statusCode: StatusCodes.Status401Unauthorized);
        });
        await _stub.StartAsync();
        _address = new Uri(_stub.Urls.Single() + "/");
    }

    public async Task DisposeAsync()
    {
        if (_stub is not null)
        {
            await _stub.DisposeAsync();
        }
    }

    [Theory]
    [InlineData("en-US", "Login Error", "Invalid email or password. After several failed attempts, sign-in is paused for a few minutes.")]
    [InlineData("de-DE", "Anmeldefehler", "E-Mail-Adresse oder Passwort ist falsch. Nach mehreren Fehlversuchen ist die Anmeldung einige Minuten gesperrt.")]
    public async Task LoginAsync_EveryRefusalReason_ShowsTheSameGenericText(string culture, string title, string message)
    {
        await using var app = new ClientApp(_address);
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo(culture);
        try
        {
            foreach (var reason in Reasons)
            {
                var result = await app.LoginAsync(reason + "@enum.local", "Passw0rd!");

                Assert.False(result.Success);
                Assert.Equal((reason, title, message), (reason, result.Error?.Name, result.Error?.Message));
            }
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }

        Assert.Null(await app.Store.GetAsync());
    }

    [Fact]
    public async Task LoginAsync_LockedOut_LogsTheRealReason()
    {
        await using var app = new ClientApp(_address);

        await app.LoginAsync("LockedOut@enum.local", "Passw0rd!");

        Assert.Contains("LockedOut", app.AllLogs(), StringComparison.Ordinal);
        Assert.DoesNotContain("Passw0rd!", app.AllLogs(), StringComparison.Ordinal);
    }
}
