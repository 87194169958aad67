using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Microsoft.Playwright;
using RefineSharp.E2E.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace RefineSharp.E2E.Tests.Oidc;

/// <summary>
/// The session after sign-in: logout reaches the identity server, tokens rotate without the user noticing (also with
/// two tabs against strict reuse detection), and a role changed at the identity server arrives with the next refresh.
/// Access tokens live 40 s and are refreshed 30 s before expiry: a page load 12 s after the last refresh refreshes.
/// </summary>
[Collection(OidcCollection.Name)]
public sealed partial class OidcSessionTests(SharedOidcFixture fixture)
{
    private static readonly TimeSpan PastRefreshPoint = TimeSpan.FromSeconds(12);

    [Fact]
    public async Task Logout_ends_the_session_at_the_identity_server_too_so_signing_in_again_asks_for_the_password()
    {
        await using var b = await OidcBrowser.OpenAsync(fixture, "logout");
        await b.SignInAtAsync("/");
        await b.Page.Locator("[data-action=logout]").ClickAsync();

        await Expect(b.Page).ToHaveURLAsync(b.AppPath("/login"));
        await b.ScreenshotAsync("logged-out");
        await b.Page.GotoAsync("/reports");
        await Expect(b.Page).ToHaveURLAsync(b.AppPath("/login"));

        // With the identity server's session still alive this click would come straight back signed in.
        await b.ClickProviderAsync();
        await Expect(b.Page).ToHaveURLAsync(b.IdpLoginPage);
        await Expect(b.Page.Locator("#password")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task An_expiring_access_token_is_refreshed_without_the_user_noticing()
    {
        await using var b = await OidcBrowser.OpenAsync(fixture, "silent-refresh");
        await b.SignInAtAsync("/");
        var before = Refreshes();
        await Task.Delay(PastRefreshPoint);

        await b.Page.ReloadAsync();
        await Expect(b.Page).ToHaveURLAsync(b.App("/"));
        await Expect(b.Page.Locator("[data-identity-name]")).ToHaveTextAsync("Ada Admin");
        await WaitForAsync(() => Refreshes() > before);

        await b.Page.Locator("nav a[href='/reports']").ClickAsync();
        await Expect(b.Page.Locator("[data-reports]")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Two_tabs_during_a_rotation_both_stay_signed_in_and_the_rotated_chain_stays_valid()
    {
        await using var b = await OidcBrowser.OpenAsync(fixture, "two-tabs");
        await b.SignInAtAsync("/");
        var second = await b.Context.NewPageAsync();
        await second.GotoAsync("/reports");
        await Expect(second.Locator("[data-reports]")).ToBeVisibleAsync();
        await Task.Delay(PastRefreshPoint);
        var before = Refreshes();

        // Both tabs load at once, both need a refresh: one refresh runs, the other tab uses its result.
        await Task.WhenAll(b.Page.ReloadAsync(), second.ReloadAsync());
        await Expect(b.Page.Locator("[data-identity-name]")).ToHaveTextAsync("Ada Admin");
        await Expect(second.Locator("[data-reports]")).ToBeVisibleAsync();
        await WaitForAsync(() => Refreshes() > before);
        Assert.Equal(before + 1, Refreshes());

        // A second refresh token use would have made the identity server revoke the chain: the next rotation proves it did not.
        await Task.Delay(PastRefreshPoint);
        await second.ReloadAsync();
        await Expect(second.Locator("[data-reports]")).ToBeVisibleAsync();
        await WaitForAsync(() => Refreshes() > before + 1);
        await b.Page.ReloadAsync();
        await Expect(b.Page.Locator("[data-identity-name]")).ToHaveTextAsync("Ada Admin");
    }

    [Fact]
    public async Task A_role_changed_at_the_identity_server_shows_after_the_next_refresh()
    {
        await using var b = await OidcBrowser.OpenAsync(fixture, "role-change");
        await b.SignInAtAsync("/", OidcBrowser.Editor, OidcBrowser.EditorPassword);
        var signedIn = DateTime.UtcNow;
        var roles = b.Page.Locator("[data-roles] li");
        await Expect(roles).ToHaveTextAsync(["editor"]);

        await SetAdminAsync(fixture.IdpDatabase, OidcBrowser.Editor, grant: true);
        try
        {
            // Before the refresh the session's tokens still say "editor" only: the roles come from the tokens.
            await b.Page.ReloadAsync();
            await Expect(roles).ToHaveTextAsync(["editor"]);

            var wait = signedIn + PastRefreshPoint - DateTime.UtcNow;
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait);
            }

            await b.Page.ReloadAsync();
            await Expect(roles).ToHaveTextAsync(new Regex[] { new("admin|editor"), new("admin|editor") });
            await b.ScreenshotAsync("admin-after-refresh");
        }
        finally
        {
            await SetAdminAsync(fixture.IdpDatabase, OidcBrowser.Editor, grant: false);
        }
    }

    private int Refreshes() => RefreshLine().Matches(fixture.App.Output).Count;

    private static async Task WaitForAsync(Func<bool> condition)
    {
        // Log lines reach the pipe a moment after the response; an upper bound, not a timing assertion.
        for (var i = 0; i < 100 && !condition(); i++)
        {
            await Task.Delay(100);
        }

        Assert.True(condition());
    }

    private static async Task SetAdminAsync(string database, string email, bool grant)
    {
        await using var connection = new SqliteConnection($"Data Source={database}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = grant
            ? "INSERT OR IGNORE INTO AspNetUserRoles (UserId, RoleId) SELECT u.Id, r.Id FROM AspNetUsers u, AspNetRoles r WHERE u.NormalizedEmail = $email AND r.NormalizedName = 'ADMIN'"
            : "DELETE FROM AspNetUserRoles WHERE UserId = (SELECT Id FROM AspNetUsers WHERE NormalizedEmail = $email) AND RoleId = (SELECT Id FROM AspNetRoles WHERE NormalizedName = 'ADMIN')";
        command.Parameters.AddWithValue("$email", email.ToUpperInvariant());
        Assert.Equal(1, await command.ExecuteNonQueryAsync());
    }

    [GeneratedRegex("The access token was refreshed through refine-idp")]
    private static partial Regex RefreshLine();
}
