using Microsoft.Data.Sqlite;
using RefineSharp.E2E.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace RefineSharp.E2E.Tests.Hardening;

/// <summary>
/// A page that the API refuses (403) shows a message and the circuit lives on; before, the unhandled exception ended
/// the circuit ("An unhandled error has occurred").
/// </summary>
[Collection(DemoCollection.Name)]
public sealed class ForbiddenTests(DemoFixture fixture)
{
    /// <summary>Adds or removes the admin role of <paramref name="email"/> in the demo's database, behind the app's back.</summary>
    private static async Task SetAdminAsync(DemoServer server, string email, bool admin)
    {
        await using var db = new SqliteConnection($"Data Source={server.DatabasePath};Pooling=False");
        await db.OpenAsync();
        await using var command = db.CreateCommand();
        command.CommandText = admin
            ? """
              INSERT INTO AspNetUserRoles (UserId, RoleId)
              SELECT u.Id, r.Id FROM AspNetUsers u, AspNetRoles r WHERE u.NormalizedEmail = $email AND r.NormalizedName = 'ADMIN'
              """
            : """
              DELETE FROM AspNetUserRoles
              WHERE UserId = (SELECT Id FROM AspNetUsers WHERE NormalizedEmail = $email)
                AND RoleId = (SELECT Id FROM AspNetRoles WHERE NormalizedName = 'ADMIN')
              """;
        command.Parameters.AddWithValue("$email", email.ToUpperInvariant());
        Assert.Equal(1, await command.ExecuteNonQueryAsync());
    }

    [Fact]
    public async Task AdminPage_Editor_RefusesAndShowsNoAdminDataOrError()
    {
        await using var session = await fixture.OpenAsync(nameof(AdminPage_Editor_RefusesAndShowsNoAdminDataOrError));
        await session.LoginAsync(TestUsers.EditorEmail, TestUsers.EditorPassword);

        await session.GotoAsync("/admin");

        await Expect(session.Page.Locator("[data-access-denied]")).ToBeVisibleAsync();
        await Expect(session.Page.Locator("[data-admin-stats], [data-api-error]")).ToHaveCountAsync(0);
        await Expect(session.Page.Locator("#blazor-error-ui")).ToBeHiddenAsync();
    }

    [Fact]
    public async Task AdminPage_ApiAnswers403WhileThePageThinksAdmin_ShowsMessageAndTheCircuitLivesOn()
    {
        // A user whose token carries no admin role (issued before the change) and whose database roles say "not admin"
        // when the API is asked, while this circuit read "admin" in between: whichever place the API reads roles
        // from (the token or the database), it answers 403 while the page believes the user is an admin.
        var email = await TestUsers.RegisterAsync(fixture.Server, "forbidden");
        await using var session = await fixture.OpenAsync(nameof(AdminPage_ApiAnswers403WhileThePageThinksAdmin_ShowsMessageAndTheCircuitLivesOn));
        await session.LoginAsync(email, TestUsers.Password);
        await SetAdminAsync(fixture.Server, email, admin: true);
        await session.Page.ReloadAsync();
        await BrowserSession.WaitInteractiveAsync(session.Page);
        await Expect(session.Page.Locator("[data-roles]")).ToContainTextAsync("admin");
        await Expect(session.Page.Locator("[data-nav=admin]")).ToBeVisibleAsync();
        await SetAdminAsync(fixture.Server, email, admin: false);

        await session.Page.Locator("[data-nav=admin]").ClickAsync();

        await Expect(session.Page).ToHaveURLAsync(session.Url("/admin"));
        await Expect(session.Page.Locator("[data-api-error=forbidden]")).ToHaveTextAsync("You don't have access to this.");
        await Expect(session.Page.Locator("[data-admin-stats]")).ToHaveCountAsync(0);
        await Expect(session.Page.Locator("#blazor-error-ui")).ToBeHiddenAsync();
        await session.ScreenshotAsync("forbidden-message");

        // The circuit is alive: an in-app navigation still renders and loads data.
        await session.Page.Locator(".shell-nav a[href='/posts']").ClickAsync();
        await Expect(session.Page).ToHaveURLAsync(session.Url("/posts"));
        await Expect(session.Page.Locator("[data-posts]")).ToBeVisibleAsync();
        await Expect(session.Page.Locator("#blazor-error-ui")).ToBeHiddenAsync();
        await Expect(session.Page.Locator("#components-reconnect-modal")).ToBeHiddenAsync();
        await session.ScreenshotAsync("posts-after-forbidden");
    }
}
