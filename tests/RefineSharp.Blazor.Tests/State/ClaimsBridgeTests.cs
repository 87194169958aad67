using System.Security.Claims;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;

namespace RefineSharp.Blazor.Tests.State;

public sealed class ClaimsBridgeTests : RefineTestBase
{
    private static RenderFragment<AuthenticationState> Show(string id) => state => b =>
        b.AddMarkupContent(0, $"<p id=\"{id}\">{state.User.Identity?.Name}</p>");

    [Fact]
    public async Task AuthorizeView_AfterLoginAndLogout_Switches()
    {
        var cut = Render<RefineReady>();
        var view = Render<AuthorizeView>(p => p.Add(x => x.Authorized, Show("in")).Add(x => x.NotAuthorized, Show("out")));
        view.WaitForElement("#out");
        Provider.LoginHandler = (_, _) =>
        {
            Refine.Provider.CheckResult = CheckResult.Ok();
            Refine.Provider.Identity = new UserIdentity { Id = "1", Name = "Ann" };
            return Task.FromResult(AuthActionResult.Ok());
        };
        Provider.LogoutHandler = (_, _) =>
        {
            Refine.Provider.CheckResult = CheckResult.Fail();
            return Task.FromResult(AuthActionResult.Ok());
        };

        await OnRendererAsync(() => Auth.LoginAsync(new LoginRequest { Email = "ann@example.com", Password = "pw" }));
        view.WaitForAssertion(() => Assert.Equal("Ann", view.Find("#in").TextContent));

        await OnRendererAsync(() => Auth.LogoutAsync());
        view.WaitForElement("#out");
        Assert.NotNull(cut);
    }

    [Theory]
    [InlineData(new[] { "admin" }, true)]
    [InlineData(new[] { "editor" }, false)]
    public void AuthorizeViewRoles_FollowsPermissions(string[] permissions, bool allowed)
    {
        Refine.SetAuthenticated("ann").SetPermissions(permissions);
        Render<RefineReady>();

        var view = Render<AuthorizeView>(p => p.Add(x => x.Roles, "admin").Add(x => x.Authorized, Show("in")).Add(x => x.NotAuthorized, Show("out")));

        view.WaitForElement(allowed ? "#in" : "#out");
    }

    [Fact]
    public async Task GetAuthenticationState_UserIdentity_BecomesClaims()
    {
        FullProvider.CheckResult = CheckResult.Ok();
        FullProvider.Identity = new UserIdentity { Id = "42", Name = "Ann", Email = "ann@example.com", Roles = ["editor"] };
        FullProvider.Permissions = new[] { "admin", "editor" };
        Render<RefineReady>();

        var state = await Services.GetRequiredService<AuthenticationStateProvider>().GetAuthenticationStateAsync();

        var user = state.User;
        Assert.Equal("RefineSharp", user.Identity?.AuthenticationType);
        Assert.True(user.Identity?.IsAuthenticated);
        Assert.Equal("Ann", user.Identity?.Name);
        Assert.Equal("42", user.FindFirst(ClaimTypes.NameIdentifier)?.Value);
        Assert.Equal("ann@example.com", user.FindFirst(ClaimTypes.Email)?.Value);
        Assert.True(user.IsInRole("admin"));
        Assert.Equal(2, user.FindAll(ClaimTypes.Role).Count());
    }

    [Fact]
    public async Task GetAuthenticationState_CustomClaimsFactory_IsUsed()
    {
        Services.AddRefine().AddBlazor(o => o.ClaimsFactory = (identity, _) => [new Claim(ClaimTypes.Name, "custom:" + identity)]);
        FullProvider.CheckResult = CheckResult.Ok();
        FullProvider.Identity = "ann";
        Render<RefineReady>();

        var state = await Services.GetRequiredService<AuthenticationStateProvider>().GetAuthenticationStateAsync();

        Assert.Equal("custom:ann", state.User.Identity?.Name);
    }

    [Fact]
    public async Task GetAuthenticationState_NotAuthenticated_IsAnonymous()
    {
        Render<RefineReady>();

        var state = await Services.GetRequiredService<AuthenticationStateProvider>().GetAuthenticationStateAsync();

        Assert.False(state.User.Identity?.IsAuthenticated);
    }

    [Fact]
    public async Task GetAuthenticationState_Prerendering_IsAnonymousWithoutAskingTheProvider()
    {
        Prerender();
        Refine.SetAuthenticated();
        Render<RefineReady>();

        var state = await Services.GetRequiredService<AuthenticationStateProvider>().GetAuthenticationStateAsync();

        Assert.False(state.User.Identity?.IsAuthenticated);
        Assert.Empty(Provider.Calls);
    }

    [Fact]
    public void GetAuthenticationState_CheckThrows_IsAnonymous()
    {
        Provider.CheckHandler = (_, _) => throw new InvalidOperationException("broken");
        Render<RefineReady>();

        var view = Render<AuthorizeView>(p => p.Add(x => x.Authorized, Show("in")).Add(x => x.NotAuthorized, Show("out")));

        view.WaitForElement("#out");
    }
}
