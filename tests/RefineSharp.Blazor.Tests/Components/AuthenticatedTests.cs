using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace RefineSharp.Blazor.Tests.Components;

public sealed class AuthenticatedTests : RefineTestBase
{
    private static readonly RenderFragment Protected = b => b.AddMarkupContent(0, "<p id=\"secret\">secret</p>");
    private static readonly RenderFragment Spinner = b => b.AddMarkupContent(0, "<p id=\"loading\">loading</p>");

    [Fact]
    public void Render_Authenticated_RendersChildren()
    {
        Refine.SetAuthenticated("ann");

        var cut = Render<Authenticated>(p => p.AddChildContent(Protected));
        Settle();

        Assert.Equal("secret", cut.Find("#secret").TextContent);
    }

    [Fact]
    public void Render_NotAuthenticatedWithoutRedirect_RendersNothingAndStays()
    {
        var cut = Render<Authenticated>(p => p.AddChildContent(Protected));
        Settle();

        Assert.Empty(cut.Markup.Trim());
        Assert.Empty(Navigation.History);
    }

    [Fact]
    public void Render_NotAuthenticatedWithFallback_RendersFallbackAndDoesNotRedirect()
    {
        Refine.SetNotAuthenticated("/login");

        var cut = Render<Authenticated>(p => p
            .AddChildContent(Protected)
            .Add(x => x.Fallback, _ => b => b.AddMarkupContent(0, "<p id=\"fallback\">please sign in</p>")));
        Settle();

        Assert.Equal("please sign in", cut.Find("#fallback").TextContent);
        Assert.Empty(cut.FindAll("#secret"));
        Assert.Empty(Navigation.History);
    }

    [Fact]
    public void Render_FallbackSetToNull_SuppressesRedirect()
    {
        Refine.SetNotAuthenticated("/login");

        var cut = Render<Authenticated>(p => p.AddChildContent(Protected).Add(x => x.Fallback, (RenderFragment<CheckResult>?)null));
        Settle();

        Assert.Empty(cut.Markup.Trim());
        Assert.Empty(Navigation.History);
    }

    [Fact]
    public void Render_FallbackMayNavigate_FallbackRuns()
    {
        Refine.SetNotAuthenticated();

        Render<Authenticated>(p => p.Add(x => x.Fallback, _ => b =>
        {
            b.OpenComponent<NavigateOnRender>(0);
            b.AddComponentParameter(1, nameof(NavigateOnRender.To), "/custom-login");
            b.CloseComponent();
        }));
        Settle();

        Assert.Equal("http://localhost/custom-login", Navigation.Uri);
    }

    [Fact]
    public void Render_WhileChecking_RendersLoading()
    {
        var answer = new TaskCompletionSource<CheckResult>();
        Provider.CheckHandler = (_, _) => answer.Task;

        var cut = Render<Authenticated>(p => p.AddChildContent(Protected).Add(x => x.Loading, Spinner));
        Assert.Equal("loading", cut.Find("#loading").TextContent);
        Assert.Empty(cut.FindAll("#secret"));

        answer.SetResult(CheckResult.Ok());
        cut.WaitForAssertion(() => Assert.Equal("secret", cut.Find("#secret").TextContent));
    }

    [Fact]
    public void Render_CheckRedirectTo_ReplacesWithCurrentPathAndQueryAsTo()
    {
        Navigation.NavigateTo("/dashboard?currentPage=1&pageSize=2");
        Refine.SetNotAuthenticated("/login");

        Render<Authenticated>(p => p.AddChildContent(Protected));
        Settle();

        var last = Navigation.History.First();
        Assert.Equal("http://localhost/login?to=%2Fdashboard%3FcurrentPage%3D1%26pageSize%3D2", last.Uri);
        Assert.True(last.Options.ReplaceHistoryEntry);
    }

    [Fact]
    public void Render_RedirectOnFail_WinsOverCheckRedirectTo()
    {
        Navigation.NavigateTo("/dashboard");
        Refine.SetNotAuthenticated("/login");

        Render<Authenticated>(p => p.AddChildContent(Protected).Add(x => x.RedirectOnFail, "/custom"));
        Settle();

        Assert.Equal("http://localhost/custom?to=%2Fdashboard", Navigation.Uri);
    }

    [Fact]
    public void Render_AtRoot_AddsNoTo()
    {
        Refine.SetNotAuthenticated("/login");

        Render<Authenticated>(p => p.AddChildContent(Protected));
        Settle();

        Assert.Equal("http://localhost/login", Navigation.Uri);
    }

    [Fact]
    public void Render_AppendCurrentPathToQueryFalse_AddsNoTo()
    {
        Navigation.NavigateTo("/dashboard");
        Refine.SetNotAuthenticated("/login");

        Render<Authenticated>(p => p.AddChildContent(Protected).Add(x => x.AppendCurrentPathToQuery, false));
        Settle();

        Assert.Equal("http://localhost/login", Navigation.Uri);
    }

    [Fact]
    public void Render_UrlAlreadyHasTo_KeepsIt()
    {
        Navigation.NavigateTo("/welcome?to=%2Forders%2F7");
        Refine.SetNotAuthenticated("/login");

        Render<Authenticated>(p => p.AddChildContent(Protected));
        Settle();

        Assert.Equal("http://localhost/login?to=%2Forders%2F7", Navigation.Uri);
    }

    [Fact]
    public void Render_RedirectDisabled_StaysAndRendersNothing()
    {
        Navigation.NavigateTo("/dashboard");
        Refine.SetNotAuthenticated("/login");

        var cut = Render<Authenticated>(p => p.AddChildContent(Protected).Add(x => x.Redirect, false));
        Settle();

        Assert.Empty(cut.Markup.Trim());
        Assert.Equal("http://localhost/dashboard", Navigation.Uri);
    }

    [Fact]
    public void Render_Params_ReachTheCheck()
    {
        Refine.SetAuthenticated();

        Render<Authenticated>(p => p.AddChildContent(Protected).Add(x => x.Params, new Dictionary<string, object?> { ["tenant"] = "acme" }));
        Settle();

        Assert.Single(Provider.RequestsOf<CheckRequest>(), r => r.GetExtraString("tenant") == "acme");
    }

    [Theory]
    [InlineData("//evil.example")]
    [InlineData("https://evil.example/login")]
    [InlineData("/\\evil.example")]
    public void Render_HostileRedirectOnFail_IsIgnored(string hostile)
    {
        Navigation.NavigateTo("/dashboard");
        Refine.SetNotAuthenticated("/login");

        Render<Authenticated>(p => p.AddChildContent(Protected).Add(x => x.RedirectOnFail, hostile));
        Settle();

        Assert.Equal("http://localhost/login?to=%2Fdashboard", Navigation.Uri);
    }

    [Fact]
    public void Render_HostileCheckRedirectTo_StaysAndRendersNothing()
    {
        Navigation.NavigateTo("/dashboard");
        Refine.SetNotAuthenticated("https://evil.example/");

        var cut = Render<Authenticated>(p => p.AddChildContent(Protected));
        Settle();

        Assert.Empty(cut.Markup.Trim());
        Assert.Equal("http://localhost/dashboard", Navigation.Uri);
    }

    [Fact]
    public void Render_HostileExistingTo_UsesCurrentPathInstead()
    {
        Navigation.NavigateTo("/dashboard?to=%2F%2Fevil.example");
        Refine.SetNotAuthenticated("/login");

        Render<Authenticated>(p => p.AddChildContent(Protected));
        Settle();

        Assert.Equal("http://localhost/login?to=%2Fdashboard%3Fto%3D%252F%252Fevil.example", Navigation.Uri);
    }

    [Fact]
    public void Render_CheckThrows_ShowsFallbackWithTheErrorNotChildren()
    {
        Provider.CheckHandler = (_, _) => throw new HttpRequestException("backend down");

        var cut = Render<Authenticated>(p => p
            .AddChildContent(Protected)
            .Add(x => x.Fallback, result => b => b.AddMarkupContent(0, $"<p id=\"error\">{result.Error?.Message}</p>")));
        Settle();

        Assert.Empty(cut.FindAll("#secret"));
        Assert.Equal("The sign-in service could not complete the request. Please try again later.", cut.Find("#error").TextContent);
    }

    [Fact]
    public void Render_CheckThrowsWithoutFallback_RedirectsNowhereAndShowsNothing()
    {
        Provider.CheckHandler = (_, _) => throw new InvalidOperationException("boom");

        var cut = Render<Authenticated>(p => p.AddChildContent(Protected));
        Settle();

        Assert.Empty(cut.Markup.Trim());
    }

    [Fact]
    public void Render_CheckHangs_ShowsFallbackAfterTheProviderTimeout()
    {
        Provider.CheckHandler = (_, _) => new TaskCompletionSource<CheckResult>().Task;
        var cut = Render<Authenticated>(p => p
            .AddChildContent(Protected)
            .Add(x => x.Loading, Spinner)
            .Add(x => x.Fallback, result => b => b.AddMarkupContent(0, $"<p id=\"error\">{result.Error?.Name}</p>")));
        Assert.NotEmpty(cut.FindAll("#loading"));

        // The scope's one load asks the provider one dispatcher turn after the first render; the timeout starts then.
        cut.WaitForAssertion(() => Assert.Equal(1, Provider.CallCount(nameof(AuthProvider.CheckAsync))));

        Time.Advance(Auth.Options.ProviderTimeout + TimeSpan.FromSeconds(1));

        cut.WaitForAssertion(() => Assert.Equal("Timeout", cut.Find("#error").TextContent));
        Assert.Empty(cut.FindAll("#secret"));
    }

    [Fact]
    public void Render_CheckAsksForLogout_LogsOutWithoutRedirectBeforeRedirecting()
    {
        Navigation.NavigateTo("/orders");
        Refine.SetNotAuthenticated("/login", logout: true);
        var navigationsAtLogout = -1;
        Provider.LogoutHandler = (_, _) =>
        {
            navigationsAtLogout = Navigation.History.Count;
            return Task.FromResult(AuthActionResult.Ok("/bye"));
        };

        var cut = Render<Authenticated>(p => p.AddChildContent(Protected));
        Settle();

        cut.WaitForAssertion(() => Assert.Equal("http://localhost/login?to=%2Forders", Navigation.Uri));
        var logout = Provider.RequestsOf<LogoutRequest>().Single();
        Assert.True(logout.SuppressRedirect);
        Assert.Equal(1, navigationsAtLogout);
        Assert.DoesNotContain(Navigation.History, h => h.Uri.Contains("bye", StringComparison.Ordinal));
    }

    [Fact]
    public void Render_CheckKeepsAskingForLogout_LogsOutOncePerSession()
    {
        Refine.SetNotAuthenticated("/login", logout: true);

        var cut = Render<Authenticated>(p => p.AddChildContent(Protected));
        Settle();
        cut.WaitForAssertion(() => Assert.Equal(1, Provider.CallCount(nameof(AuthProvider.LogoutAsync))));
        OnRenderer(Auth.InvalidateAuthStore);

        cut.WaitForAssertion(() => Assert.True(Provider.CallCount(nameof(AuthProvider.CheckAsync)) >= 3));
        Assert.Equal(1, Provider.CallCount(nameof(AuthProvider.LogoutAsync)));
    }

    [Fact]
    public void Render_Prerendering_RendersLoadingAndAsksNothing()
    {
        Prerender();
        Refine.SetAuthenticated();
        Navigation.NavigateTo("/dashboard");

        var cut = Render<Authenticated>(p => p.AddChildContent(Protected).Add(x => x.Loading, Spinner));
        Settle();

        Assert.Equal("loading", cut.Find("#loading").TextContent);
        Assert.Empty(cut.FindAll("#secret"));
        Assert.Empty(Provider.Calls);
        Assert.Empty(JSInterop.Invocations);
        Assert.Equal("http://localhost/dashboard", Navigation.Uri);
    }

    [Fact]
    public void Render_PrerenderingUnauthenticated_NeverRedirects()
    {
        Prerender();
        Refine.SetNotAuthenticated("/login");
        Navigation.NavigateTo("/dashboard");

        var cut = Render<Authenticated>(p => p.AddChildContent(Protected).Add(x => x.Loading, Spinner));
        Settle();

        Assert.NotEmpty(cut.FindAll("#loading"));
        Assert.Equal("http://localhost/dashboard", Navigation.Uri);
    }

    [Fact]
    public async Task Render_AfterLogin_ShowsChildren()
    {
        var cut = Render<Authenticated>(p => p.AddChildContent(Protected).Add(x => x.Fallback, _ => b => b.AddContent(0, "out")));
        Settle();
        Assert.Contains("out", cut.Markup, StringComparison.Ordinal);
        Provider.LoginHandler = (_, _) =>
        {
            Provider.CheckResult = CheckResult.Ok();
            return Task.FromResult(AuthActionResult.Ok());
        };

        await OnRendererAsync(() => Auth.LoginAsync(new LoginRequest { Email = "ann@example.com", Password = "pw" }));

        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("#secret")));
    }

    [Fact]
    public async Task Render_AfterLogout_HidesChildren()
    {
        Refine.SetAuthenticated();
        var cut = Render<Authenticated>(p => p.AddChildContent(Protected).Add(x => x.Fallback, _ => b => b.AddContent(0, "out")));
        Settle();
        Assert.NotEmpty(cut.FindAll("#secret"));
        Provider.LogoutHandler = (_, _) =>
        {
            Provider.CheckResult = CheckResult.Fail();
            return Task.FromResult(AuthActionResult.Ok());
        };

        await OnRendererAsync(() => Auth.LogoutAsync());

        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("#secret")));
        Assert.Contains("out", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dispose_AfterwardsStateChanges_AreIgnored()
    {
        var mine = new Dictionary<string, object?> { ["guard"] = "disposed" };
        var cut = Render<Authenticated>(p => p.AddChildContent(Protected).Add(x => x.Params, mine));
        Settle();
        Assert.Single(Provider.RequestsOf<CheckRequest>(), r => r.GetExtraString("guard") == "disposed");
        await DisposeComponentsAsync();

        OnRenderer(Auth.InvalidateAuthStore);

        Assert.Single(Provider.RequestsOf<CheckRequest>(), r => r.GetExtraString("guard") == "disposed");
        Assert.True(cut.IsDisposed);
    }

    private sealed class NavigateOnRender : ComponentBase
    {
        [Parameter]
        public string To { get; set; } = "/";

        [Inject]
        private NavigationManager Nav { get; set; } = default!;

        protected override void OnInitialized() => Nav.NavigateTo(To);
    }
}
