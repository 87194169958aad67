using CsCheck;
using RefineSharp.Providers.AspNetIdentity.Tests.Fixtures;

namespace RefineSharp.Providers.AspNetIdentity.Tests;

/// <summary>
/// A page's identity and permissions loads share one roles call, and a role changed on the server still shows at the
/// next check or token refresh. The real Identity API counts the calls and changes the roles.
/// </summary>
public sealed class AspNetIdentityAuthProviderRolesTests(IdentityApiServerFixture fixture) : IClassFixture<IdentityApiServerFixture>
{
    private const string Password = "Passw0rd!";
    private const string RolesPath = "/manage/roles";
    private readonly IdentityApiServer _server = fixture.Server;

    private async Task<(ClientApp App, string Email)> SignedInAsync(params string[] roles)
    {
        var email = IdentityApiServerFixture.NewEmail();
        await _server.CreateUserAsync(email, Password, roles);
        var app = new ClientApp(_server.BaseAddress);
        Assert.True((await app.LoginAsync(email, Password)).Success);
        return (app, email);
    }

    /// <summary>What a page load asks: the check, then identity and permissions (at the same time, or one after the other).</summary>
    private static async Task<(IReadOnlyList<string>? FromIdentity, IReadOnlyList<string>? Permissions)> LoadPageAsync(ClientApp app, bool together)
    {
        app.Auth.InvalidateAuthStore();
        Assert.True((await app.Auth.CheckAsync()).Authenticated);
        if (together)
        {
            var identity = app.Auth.GetIdentityAsync<UserIdentity>().AsTask();
            var permissions = app.Auth.GetPermissionsAsync<IReadOnlyList<string>>().AsTask();
            return ((await identity)?.Roles, await permissions);
        }

        var first = await app.Auth.GetIdentityAsync<UserIdentity>();
        return (first?.Roles, await app.Auth.GetPermissionsAsync<IReadOnlyList<string>>());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task IdentityAndPermissions_OnePageLoad_AskTheRolesEndpointOnce(bool together)
    {
        var (app, _) = await SignedInAsync("editor", "admin");
        await using var _app = app;

        for (var page = 1; page <= 3; page++)
        {
            _server.ResetHits();
            var (fromIdentity, permissions) = await LoadPageAsync(app, together);

            Assert.Equal(["admin", "editor"], fromIdentity);
            Assert.Equal(["admin", "editor"], permissions);
            Assert.Equal(1, _server.Hits(RolesPath));
        }
    }

    [Fact]
    public async Task RoleAddedOnServer_ShowsAtTheNextCheck()
    {
        var (app, email) = await SignedInAsync("editor");
        await using var _app = app;
        Assert.Equal(["editor"], (await LoadPageAsync(app, together: true)).Permissions);

        await _server.SetRoleAsync(email, "admin", member: true);
        var (fromIdentity, permissions) = await LoadPageAsync(app, together: true);

        Assert.Equal(["admin", "editor"], fromIdentity);
        Assert.Equal(["admin", "editor"], permissions);
    }

    [Fact]
    public async Task RoleRemovedOnServer_ShowsAfterATokenRefreshWithoutACheck()
    {
        var (app, email) = await SignedInAsync("editor", "admin");
        await using var _app = app;
        Assert.Equal(["admin", "editor"], (await LoadPageAsync(app, together: false)).Permissions);
        var before = (await app.Store.GetAsync())!.AccessToken;

        await _server.SetRoleAsync(email, "admin", member: false);
        await app.ExpireStoredTokenAsync();
        _server.ResetHits();
        app.Auth.InvalidateAuthStore();
        var permissions = await app.Auth.GetPermissionsAsync<IReadOnlyList<string>>();

        Assert.Equal(1, _server.Hits("/refresh"));
        Assert.NotEqual(before, (await app.Store.GetAsync())!.AccessToken);
        Assert.Equal(["editor"], permissions);
    }

    [Fact]
    public async Task RolesOfTheLastUser_AreNotShownToTheNextUserOfTheSameScope()
    {
        var (app, _) = await SignedInAsync("admin");
        await using var _app = app;
        Assert.Equal(["admin"], (await LoadPageAsync(app, together: true)).Permissions);
        var other = IdentityApiServerFixture.NewEmail();
        await _server.CreateUserAsync(other, Password, "editor");

        Assert.True((await app.Auth.LogoutAsync()).Success);
        Assert.True((await app.LoginAsync(other, Password)).Success);
        app.Auth.InvalidateAuthStore();
        var permissions = await app.Auth.GetPermissionsAsync<IReadOnlyList<string>>();

        Assert.Equal(["editor"], permissions);
    }

    /// <summary>
    /// Generated sequences of checks, identity and permissions reads and role changes on the server: every read gives
    /// the roles the server had at some moment since the last check (or the sign-in), and between two checks the roles
    /// endpoint is asked at most once (the tokens stay valid, so no refresh comes between).
    /// </summary>
    [Fact]
    public async Task GeneratedSequences_ReadsAreNeverOlderThanTheLastCheck_AndAskOnceBetweenChecks()
    {
        const int Check = 0, Identity = 1, Permissions = 2, AddAdmin = 3, RemoveAdmin = 4;
        var sequences = Gen.Int[0, 4].Array[1, 12];

        await sequences.SampleAsync(async ops =>
        {
            var (app, email) = await SignedInAsync("editor");
            await using var _app = app;
            var server = new SortedSet<string>(StringComparer.Ordinal) { "editor" };
            List<string[]> acceptable = [[.. server]];
            _server.ResetHits();
            foreach (var op in ops)
            {
                switch (op)
                {
                    case Check:
                        app.Auth.InvalidateAuthStore();
                        Assert.True((await app.Auth.CheckAsync()).Authenticated);
                        acceptable = [[.. server]];
                        _server.ResetHits();
                        break;
                    case Identity or Permissions:
                        app.Auth.InvalidateAuthStore();
                        var roles = op == Identity
                            ? (await app.Auth.GetIdentityAsync<UserIdentity>())?.Roles
                            : await app.Auth.GetPermissionsAsync<IReadOnlyList<string>>();
                        Assert.NotNull(roles);
                        Assert.Contains(acceptable, a => a.SequenceEqual(roles));
                        Assert.True(_server.Hits(RolesPath) <= 1, $"{_server.Hits(RolesPath)} roles calls since the last check");
                        break;
                    case AddAdmin or RemoveAdmin:
                        var member = op == AddAdmin;
                        if (member != server.Contains("admin"))
                        {
                            await _server.SetRoleAsync(email, "admin", member);
                            _ = member ? server.Add("admin") : server.Remove("admin");
                            acceptable.Add([.. server]);
                        }

                        break;
                    default:
                        throw new InvalidOperationException($"unknown step {op}");
                }
            }

            return true;
        }, iter: 15, threads: 1);
    }
}
