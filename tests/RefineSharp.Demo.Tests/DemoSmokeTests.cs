using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using RefineSharp.Demo.Data;
using RefineSharp.Demo.Endpoints;
using RefineSharp.Demo.Services;

namespace RefineSharp.Demo.Tests;

public sealed class DemoSmokeTests(DemoAppFactory demo) : IClassFixture<DemoAppFactory>
{
    private async Task<string> LoginAsync(HttpClient http, string email, string password)
    {
        using var response = await http.PostAsJsonAsync(new Uri("identity/login", UriKind.Relative), new { email, password });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return body.GetProperty("accessToken").GetString()!;
    }

    private static HttpRequestMessage Get(string path, string? token = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return request;
    }

    [Fact]
    public void Start_TempDatabase_IsCreatedAndListensOnLoopback()
    {
        Assert.True(File.Exists(demo.DatabasePath));
        Assert.Equal("127.0.0.1", demo.Address.Host);
        Assert.NotEqual(0, demo.Address.Port);
    }

    [Fact]
    public async Task Seeding_FirstStart_CreatesUsersWithRolesAndTwentyPosts()
    {
        using var http = demo.CreateRealClient();
        var admin = await LoginAsync(http, DemoSeeder.AdminEmail, DemoSeeder.AdminPassword);
        var editor = await LoginAsync(http, DemoSeeder.EditorEmail, DemoSeeder.EditorPassword);

        using var adminRoles = await http.SendAsync(Get("identity/manage/roles", admin));
        using var editorRoles = await http.SendAsync(Get("identity/manage/roles", editor));
        using var posts = await http.SendAsync(Get("api/posts", editor));

        Assert.Equal(["admin", "editor"], (await adminRoles.Content.ReadFromJsonAsync<string[]>())!);
        Assert.Equal(["editor"], (await editorRoles.Content.ReadFromJsonAsync<string[]>())!);
        Assert.Equal(20, (await posts.Content.ReadFromJsonAsync<List<Post>>())!.Count);
    }

    [Fact]
    public async Task Login_WrongPassword_Returns401()
    {
        using var http = demo.CreateRealClient();

        using var response = await http.PostAsJsonAsync(new Uri("identity/login", UriKind.Relative), new { email = DemoSeeder.EditorEmail, password = "wrong" });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Posts_WithoutBearer_Returns401()
    {
        using var http = demo.CreateRealClient();

        using var response = await http.SendAsync(Get("api/posts"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task AdminStats_Editor_Returns403AndAdmin_Returns200()
    {
        using var http = demo.CreateRealClient();
        var editor = await LoginAsync(http, DemoSeeder.EditorEmail, DemoSeeder.EditorPassword);
        var admin = await LoginAsync(http, DemoSeeder.AdminEmail, DemoSeeder.AdminPassword);

        using var asEditor = await http.SendAsync(Get("api/admin/stats", editor));
        using var asAdmin = await http.SendAsync(Get("api/admin/stats", admin));

        Assert.Equal(HttpStatusCode.Forbidden, asEditor.StatusCode);
        Assert.Equal(HttpStatusCode.OK, asAdmin.StatusCode);
        var stats = await asAdmin.Content.ReadFromJsonAsync<AdminStats>();
        Assert.Equal(20, stats!.Posts);
        Assert.True(stats.Users >= 2);
    }

    [Fact]
    public async Task Outbox_ForgotPassword_ListsResetLinkAsHtmlAndJson()
    {
        using var http = demo.CreateRealClient();
        using (await http.PostAsJsonAsync(new Uri("identity/forgotPassword", UriKind.Relative), new { email = DemoSeeder.EditorEmail }))
        {
        }

        var messages = await http.GetFromJsonAsync<List<OutboxMessage>>(new Uri("dev/outbox.json", UriKind.Relative));
        var html = await http.GetStringAsync(new Uri("dev/outbox", UriKind.Relative));

        var reset = Assert.Single(messages!, m => m.To == DemoSeeder.EditorEmail);
        Assert.StartsWith("/update-password?email=editor%40demo.local&code=", reset.Link, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(reset.Code));
        Assert.Contains("Development outbox", html, StringComparison.Ordinal);
        Assert.Contains("/update-password?email=editor%40demo.local&amp;code=", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Outbox_Register_ConfirmationLinkWorksAsStoredAndFromThePage()
    {
        // Identity hands the sender an HTML-encoded link; stored as such, the outbox page encoded it a second time.
        using var http = demo.CreateRealClient();
        var email = $"confirm-{Guid.NewGuid():N}@demo.local";
        using (var registered = await http.PostAsJsonAsync(new Uri("identity/register", UriKind.Relative), new { email, password = "Passw0rd!" }))
        {
            Assert.Equal(HttpStatusCode.OK, registered.StatusCode);
        }

        var messages = await http.GetFromJsonAsync<List<OutboxMessage>>(new Uri("dev/outbox.json", UriKind.Relative));
        var html = await http.GetStringAsync(new Uri("dev/outbox", UriKind.Relative));
        var link = Assert.Single(messages!, m => m.To == email).Link!;
        Assert.DoesNotContain("&amp;", link, StringComparison.Ordinal);
        Assert.Contains("href=\"" + System.Text.Encodings.Web.HtmlEncoder.Default.Encode(link) + "\"", html, StringComparison.Ordinal);

        using var confirmed = await http.GetAsync(new Uri(link));

        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
    }

    [Fact]
    public async Task RefineSharpWiring_CircuitScope_SignsInThroughOwnAddressAndReadsPosts()
    {
        await using var scope = demo.Services.CreateAsyncScope();
        var auth = scope.ServiceProvider.GetRequiredService<AuthManager>();
        var api = scope.ServiceProvider.GetRequiredService<DemoApiClient>();

        var login = await auth.LoginAsync(new LoginRequest { Email = DemoSeeder.AdminEmail, Password = DemoSeeder.AdminPassword });
        var posts = await api.GetPostsAsync();
        var stats = await api.GetAdminStatsAsync();
        var identity = await auth.GetIdentityAsync<UserIdentity>();
        var roles = await auth.GetPermissionsAsync<IReadOnlyList<string>>();

        Assert.True(login.Success, login.Error?.Message);
        Assert.Equal(20, posts.Count);
        Assert.Equal(20, stats!.Posts);
        Assert.Equal(DemoSeeder.AdminEmail, identity?.Email);
        Assert.Equal(["admin", "editor"], roles);
    }

    [Fact]
    public async Task RefineSharpWiring_EditorReadsAdminStats_GetsForbiddenAndStaysSignedIn()
    {
        await using var scope = demo.Services.CreateAsyncScope();
        var auth = scope.ServiceProvider.GetRequiredService<AuthManager>();
        var api = scope.ServiceProvider.GetRequiredService<DemoApiClient>();
        await auth.LoginAsync(new LoginRequest { Email = DemoSeeder.EditorEmail, Password = DemoSeeder.EditorPassword });

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => api.GetAdminStatsAsync());

        Assert.Equal(HttpStatusCode.Forbidden, error.StatusCode);
        Assert.True((await auth.CheckAsync()).Authenticated);
    }
}
