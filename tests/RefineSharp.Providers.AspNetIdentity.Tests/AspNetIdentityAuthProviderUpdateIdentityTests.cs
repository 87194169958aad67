using System.Globalization;
using System.Net;
using CsCheck;
using RefineSharp.Providers.AspNetIdentity.Tests.Fixtures;

namespace RefineSharp.Providers.AspNetIdentity.Tests;

/// <summary>
/// updateIdentity through the engine, the provider and a real Identity API with MapIdentityProfile on SQLite: names
/// and avatars land in Identity's claims, an email changes only through Identity's confirmation link, and every bad
/// input ends in refine's update-identity-error notification with the database (the oracle) unchanged.
/// </summary>
public sealed class AspNetIdentityAuthProviderUpdateIdentityTests(ProfileApiServer server) : IClassFixture<ProfileApiServer>
{
    private const string Password = "Passw0rd!";

    [Fact]
    public async Task NameAndAvatar_AreStoredAsClaims_AndEveryIdentityReadShowsThem()
    {
        var (app, email, id) = await SignedInAsync();
        await using var _ = app;
        Assert.Equal(email, (await app.Auth.GetIdentityAsync<UserIdentity>())!.Name);

        var result = await app.Auth.UpdateIdentityAsync(new UpdateIdentityRequest { Name = "  Ada Lovelace ", Avatar = "https://img.example/ada.png" });

        Assert.True(result.Success, result.Error?.Message);
        var identity = await app.Auth.GetIdentityAsync<UserIdentity>();
        Assert.Equal(("Ada Lovelace", "https://img.example/ada.png", email), (identity!.Name, identity.Avatar, identity.Email));
        Assert.Equal(["name=Ada Lovelace", "picture=https://img.example/ada.png"], (await server.ReadAsync(id)).Claims);
        Assert.Equal("update-identity-success", Assert.Single(app.Notifications.Opened).Key);
    }

    [Fact]
    public async Task EmptyValues_RemoveNameAndAvatar_FallingBackToEmailAndInitials()
    {
        var (app, email, id) = await SignedInAsync();
        await using var _ = app;
        Assert.True((await app.Auth.UpdateIdentityAsync(new UpdateIdentityRequest { Name = "Ann", Avatar = "https://img.example/a.png" })).Success);

        Assert.True((await app.Auth.UpdateIdentityAsync(new UpdateIdentityRequest { Name = "", Avatar = "" })).Success);

        Assert.Empty((await server.ReadAsync(id)).Claims);
        var identity = await app.Auth.GetIdentityAsync<UserIdentity>();
        Assert.Equal(email, identity!.Name);
        Assert.StartsWith("data:image/svg+xml", identity.Avatar, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NewEmail_ChangesNothingUntilTheConfirmationLinkIsOpened_ThenEmailAndUserName()
    {
        var (app, email, id) = await SignedInAsync();
        await using var _ = app;
        var newEmail = ProfileApiServer.NewEmail("moved");

        var result = await app.Auth.UpdateIdentityAsync(new UpdateIdentityRequest { Email = newEmail });

        Assert.True(result.Success, result.Error?.Message);
        Assert.Contains(newEmail, result.SuccessNotification!.Description, StringComparison.Ordinal);
        Assert.Equal((email, email), ((await server.ReadAsync(id)).Email, (await server.ReadAsync(id)).UserName));
        Assert.Equal(email, (await app.Auth.GetIdentityAsync<UserIdentity>())!.Email);
        Assert.False(server.ConfirmationLinks.ContainsKey(email));
        var link = server.ConfirmationLinks[newEmail];

        Assert.Equal(HttpStatusCode.OK, await server.OpenAsync(link));

        var stored = await server.ReadAsync(id);
        Assert.Equal((newEmail, newEmail, true), (stored.Email, stored.UserName, stored.EmailConfirmed));
        await using var again = new ClientApp(server.BaseAddress);
        Assert.True((await again.LoginAsync(newEmail, Password)).Success);
    }

    [Fact]
    public async Task ConfirmationLink_ForgedForAnotherAddress_ChangesNothing()
    {
        var (app, email, id) = await SignedInAsync();
        await using var _ = app;
        var newEmail = ProfileApiServer.NewEmail("asked");
        Assert.True((await app.Auth.UpdateIdentityAsync(new UpdateIdentityRequest { Email = newEmail })).Success);
        var link = server.ConfirmationLinks[newEmail];
        var forged = System.Text.RegularExpressions.Regex.Replace(link, "changedEmail=[^&]*", "changedEmail=attacker%40evil.example");
        Assert.NotEqual(link, forged);

        Assert.Equal(HttpStatusCode.Unauthorized, await server.OpenAsync(forged));

        Assert.Equal(email, (await server.ReadAsync(id)).Email);
    }

    [Theory]
    [InlineData("en-US", "This email is already used by another account.")]
    [InlineData("de-DE", "Diese E-Mail-Adresse wird bereits von einem anderen Konto verwendet.")]
    public async Task TakenEmail_ErrorNotification_NothingChangedAndNoMailSent(string culture, string description)
    {
        var other = ProfileApiServer.NewEmail("other");
        await server.CreateUserAsync(other, Password);
        var (app, _, id) = await SignedInAsync();
        await using var __ = app;
        var before = await server.ReadAsync(id);
        server.ConfirmationLinks.TryRemove(other, out _);

        var result = await InCultureAsync(culture, () => app.Auth.UpdateIdentityAsync(new UpdateIdentityRequest { Name = "Changed", Email = other.ToUpperInvariant() }));

        Assert.False(result.Success);
        var shown = Assert.Single(app.Notifications.Opened);
        Assert.Equal(("update-identity-error", NotificationType.Error, description), (shown.Key, shown.Type, shown.Description));
        Assert.Equal(before.Fingerprint, (await server.ReadAsync(id)).Fingerprint);
        Assert.False(server.ConfirmationLinks.ContainsKey(other));
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("data:text/html,<script>alert(1)</script>")]
    [InlineData("ftp://files.example/a.png")]
    [InlineData("/relative/avatar.png")]
    [InlineData("not a url")]
    [InlineData("https://user:pw@img.example/a.png")]
    [InlineData("https://img.example/a\u0000.png")]
    public async Task InvalidAvatarUrl_ErrorNotification_NothingChanged(string avatar)
    {
        var (app, _, id) = await SignedInAsync();
        await using var __ = app;
        var before = await server.ReadAsync(id);

        var result = await app.Auth.UpdateIdentityAsync(new UpdateIdentityRequest { Name = "Changed", Avatar = avatar });

        Assert.False(result.Success);
        var shown = Assert.Single(app.Notifications.Opened);
        Assert.Equal(("update-identity-error", "The avatar must be an absolute http or https URL (at most 2048 characters)."), (shown.Key, shown.Description));
        Assert.Equal(before.Fingerprint, (await server.ReadAsync(id)).Fingerprint);
    }

    [Fact]
    public async Task AvatarUrl_Generated_OnlyAbsoluteHttpUrlsWithoutCredentialsAreKept()
    {
        var (app, _, id) = await SignedInAsync();
        await using var __ = app;
        var schemes = Pick("http", "https", "ftp", "javascript", "data", "file", "HTTPS");
        var hosts = Pick("img.example", "user:pw@img.example", "", "[::1]", "xn--n3h.example");
        var paths = Gen.String[Gen.Char.AlphaNumeric, 0, 8];
        await Gen.Select(schemes, hosts, paths).SampleAsync(
            async (scheme, host, path) =>
            {
                var avatar = $"{scheme}://{host}/{path}";
                var result = await app.Auth.UpdateIdentityAsync(new UpdateIdentityRequest { Avatar = avatar });
                var acceptable = Uri.TryCreate(avatar, UriKind.Absolute, out var uri) && (uri.Scheme is "http" or "https") && uri.UserInfo.Length == 0;

                Assert.True(acceptable == result.Success, $"{avatar}: {result.Error?.Message}");
                var claims = (await server.ReadAsync(id)).Claims;
                Assert.Equal(acceptable, claims.Contains($"picture={avatar}"));
            },
            iter: 40,
            threads: 1);
    }

    [Fact]
    public async Task TenThousandCharacterName_ErrorNotification_NothingChanged()
    {
        var (app, _, id) = await SignedInAsync();
        await using var __ = app;
        var before = await server.ReadAsync(id);

        var newEmail = ProfileApiServer.NewEmail();

        var result = await app.Auth.UpdateIdentityAsync(new UpdateIdentityRequest { Name = new string('n', 10_000), Email = newEmail });

        Assert.False(result.Success);
        var shown = Assert.Single(app.Notifications.Opened);
        Assert.Equal(("update-identity-error", "Update Identity Error", "The name must be at most 100 characters, without control characters."), (shown.Key, shown.Message, shown.Description));
        Assert.Equal(before.Fingerprint, (await server.ReadAsync(id)).Fingerprint);
        Assert.False(server.ConfirmationLinks.ContainsKey(newEmail));
    }

    [Fact]
    public async Task BackendDown_ServiceUnavailableNotification_NoCrash()
    {
        await using var app = new ClientApp(ProfileApiServer.ClosedAddress());
        await app.Store.SetAsync(new Tokens.TokenSet { AccessToken = "a", RefreshToken = "r", ExpiresAt = app.Time.GetUtcNow().AddHours(1) });

        var result = await app.Auth.UpdateIdentityAsync(new UpdateIdentityRequest { Name = "Ann" });

        Assert.False(result.Success);
        var shown = Assert.Single(app.Notifications.Opened);
        Assert.Equal(("update-identity-error", "Service unavailable", "The sign-in service could not be reached. Please try again later."), (shown.Key, shown.Message, shown.Description));
    }

    [Fact]
    public async Task Backend503_ErrorNamesTheStatus_NothingChanged()
    {
        var email = ProfileApiServer.NewEmail();
        await server.CreateUserAsync(email, Password);
        var id = await server.IdOfAsync(email);
        await using var app = new ClientApp(server.BaseAddress, o => o.ProfileEndpoint = "/down/manage/profile");
        Assert.True((await app.LoginAsync(email, Password)).Success);
        var before = await server.ReadAsync(id);

        var result = await app.Auth.UpdateIdentityAsync(new UpdateIdentityRequest { Name = "Ann" });

        Assert.False(result.Success);
        var shown = Assert.Single(app.Notifications.Opened, n => n.Type == NotificationType.Error);
        Assert.Equal(("update-identity-error", "The sign-in service answered with an error (HTTP 503)."), (shown.Key, shown.Description));
        Assert.Equal(before.Fingerprint, (await server.ReadAsync(id)).Fingerprint);

        // The identity still loads (name from the email) while the profile endpoint is down.
        Assert.Equal(email, (await app.Auth.GetIdentityAsync<UserIdentity>())!.Name);
    }

    [Fact]
    public async Task NotSignedIn_FailsWithoutCallingTheServer()
    {
        await using var app = new ClientApp(server.BaseAddress);

        var result = await app.Auth.UpdateIdentityAsync(new UpdateIdentityRequest { Name = "Ann" });

        Assert.False(result.Success);
        Assert.Equal("update-identity-error", Assert.Single(app.Notifications.Opened).Key);
    }

    [Fact]
    public async Task NothingToChange_FailsWithAClearMessage()
    {
        var (app, _, _) = await SignedInAsync();
        await using var __ = app;

        var result = await app.Auth.UpdateIdentityAsync(new UpdateIdentityRequest());

        Assert.False(result.Success);
        Assert.Equal("Nothing to change: enter a new name, email or avatar.", result.Error?.Message);
    }

    [Fact]
    public async Task ProfileEndpoint_WithoutToken_Answers401()
    {
        using var http = new HttpClient { BaseAddress = server.BaseAddress };

        using var response = await http.PostAsync("/manage/profile", new StringContent("{\"name\":\"x\"}", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private static Gen<string> Pick(params string[] values) => Gen.Int[0, values.Length - 1].Select(i => values[i]);

    private async Task<(ClientApp App, string Email, string Id)> SignedInAsync()
    {
        var email = ProfileApiServer.NewEmail();
        await server.CreateUserAsync(email, Password);
        var app = new ClientApp(server.BaseAddress);
        Assert.True((await app.LoginAsync(email, Password)).Success);
        app.Notifications.Opened.Clear();
        return (app, email, await server.IdOfAsync(email));
    }

    private static async Task<T> InCultureAsync<T>(string culture, Func<Task<T>> run)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo(culture);
        try
        {
            return await run();
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}
