using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using RefineSharp.Demo.Data;

namespace RefineSharp.Demo.Tests.Security;

/// <summary>POST /identity/logout ends the session at the backend: the refresh token issued before it is refused.</summary>
public sealed class IdentityLogoutTests(DemoAppFactory demo) : IClassFixture<DemoAppFactory>
{
    [Fact]
    public async Task Logout_ThenRefreshWithTheOldRefreshToken_IsRefused()
    {
        using var http = demo.CreateRealClient();
        var (access, refresh) = await LoginAsync(http);

        // Before the logout the refresh token works (so the refusal below is the logout's doing)...
        using (var before = await http.SendAsync(DemoApi.Post("identity/refresh", new { refreshToken = refresh })))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
            (access, refresh) = await ReadTokensAsync(before);
        }

        using var logout = new HttpRequestMessage(HttpMethod.Post, new Uri("identity/logout", UriKind.Relative));
        logout.Headers.Authorization = new AuthenticationHeaderValue("Bearer", access);
        Assert.Equal(HttpStatusCode.NoContent, (await http.SendAsync(logout)).StatusCode);

        // ...and after it, it is not.
        using var after = await http.SendAsync(DemoApi.Post("identity/refresh", new { refreshToken = refresh }));
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
    }

    [Fact]
    public async Task Logout_WithoutAToken_IsUnauthorized()
    {
        using var http = demo.CreateRealClient();
        using var logout = await http.PostAsync(new Uri("identity/logout", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.Unauthorized, logout.StatusCode);
    }

    private static async Task<(string Access, string Refresh)> LoginAsync(HttpClient http)
    {
        using var login = await http.SendAsync(DemoApi.Post("identity/login", new { email = DemoSeeder.EditorEmail, password = DemoSeeder.EditorPassword }));
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        return await ReadTokensAsync(login);
    }

    private static async Task<(string Access, string Refresh)> ReadTokensAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (body.GetProperty("accessToken").GetString()!, body.GetProperty("refreshToken").GetString()!);
    }
}
