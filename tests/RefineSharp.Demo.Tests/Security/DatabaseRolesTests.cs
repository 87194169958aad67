using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace RefineSharp.Demo.Tests.Security;

/// <summary>The admin API reads the roles where the UI reads them (the database), not from the bearer token.</summary>
public sealed class DatabaseRolesTests(DemoAppFactory demo) : IClassFixture<DemoAppFactory>
{
    private async Task ChangeRoleAsync(string email, string role, bool add)
    {
        await using var scope = demo.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        var user = (await users.FindByEmailAsync(email))!;
        var result = add ? await users.AddToRoleAsync(user, role) : await users.RemoveFromRoleAsync(user, role);
        Assert.True(result.Succeeded);
    }

    [Fact]
    public async Task AdminStats_EditorPromotedThenDemoted_FollowsTheDatabaseWithTheSameToken()
    {
        using var http = demo.CreateRealClient();
        var email = DemoApi.NewEmail("promoted");
        await DemoApi.RegisterAsync(http, email);
        await ChangeRoleAsync(email, "editor", add: true);
        var token = (await DemoApi.LoginAsync(http, email)).GetProperty("accessToken").GetString()!;

        using var asEditor = await http.SendAsync(DemoApi.Get("api/admin/stats", token));
        await ChangeRoleAsync(email, "admin", add: true);
        using var promoted = await http.SendAsync(DemoApi.Get("api/admin/stats", token));
        using var roles = await http.SendAsync(DemoApi.Get("identity/manage/roles", token));
        await ChangeRoleAsync(email, "admin", add: false);
        using var demoted = await http.SendAsync(DemoApi.Get("api/admin/stats", token));

        Assert.Equal(HttpStatusCode.Forbidden, asEditor.StatusCode);
        Assert.Equal(HttpStatusCode.OK, promoted.StatusCode);
        Assert.Contains("admin", await roles.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, demoted.StatusCode);
    }

    [Fact]
    public async Task AdminStats_DeletedAdminsToken_IsForbidden()
    {
        using var http = demo.CreateRealClient();
        var email = DemoApi.NewEmail("deleted");
        await DemoApi.RegisterAsync(http, email);
        await ChangeRoleAsync(email, "admin", add: true);
        var token = (await DemoApi.LoginAsync(http, email)).GetProperty("accessToken").GetString()!;
        await using (var scope = demo.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
            await users.DeleteAsync((await users.FindByEmailAsync(email))!);
        }

        using var response = await http.SendAsync(DemoApi.Get("api/admin/stats", token));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
