using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace RefineSharp.Blazor.Tests.Components;

/// <summary>When the engine navigates after a logout, the guard on the page being left must not redirect as well.</summary>
public sealed class AuthenticatedEngineNavigationTests : RefineTestBase
{
    // Like Blazor Server: a navigation is only requested; the current URI changes later, when the browser confirms it.
    private readonly DeferredNavigator _navigator = new("http://localhost/admin");

    public AuthenticatedEngineNavigationTests() => Services.Replace(ServiceDescriptor.Singleton<INavigator>(_navigator));

    private static readonly RenderFragment Protected = b => b.AddMarkupContent(0, "<p id=\"secret\">secret</p>");

    [Fact]
    public async Task Logout_WithProviderRedirect_NavigatesOnceWithoutTo()
    {
        Refine.SetAuthenticated("ann");
        Provider.LogoutResult = AuthActionResult.Ok("/login");
        var cut = Render<Authenticated>(p => p.AddChildContent(Protected).Add(x => x.RedirectOnFail, "/login"));
        cut.WaitForElement("#secret");
        Provider.CheckResult = CheckResult.Fail("/login");

        await cut.InvokeAsync(() => Auth.LogoutAsync());

        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("#secret")));
        Assert.Equal(["/login"], _navigator.Requested);
    }

    [Fact]
    public async Task Logout_WithProviderRedirect_AGuardMountedAfterwardsRedirectsAsUsual()
    {
        Refine.SetAuthenticated("ann");
        Provider.LogoutResult = AuthActionResult.Ok("/login");
        var cut = Render<Authenticated>(p => p.AddChildContent(Protected).Add(x => x.RedirectOnFail, "/login"));
        cut.WaitForElement("#secret");
        Provider.CheckResult = CheckResult.Fail("/login");
        await cut.InvokeAsync(() => Auth.LogoutAsync());
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("#secret")));

        // Later, without a reload, the visitor opens a protected page again: the logout's navigation is long done.
        Render<Authenticated>(p => p.AddChildContent(Protected).Add(x => x.RedirectOnFail, "/login"));

        Assert.Equal(["/login", "/login?to=%2Fadmin"], _navigator.Requested);
    }

    [Fact]
    public async Task Logout_WithoutAnyRedirect_GuardStillRedirectsWithTo()
    {
        Refine.SetAuthenticated("ann");
        Provider.LogoutResult = AuthActionResult.Ok();
        var cut = Render<Authenticated>(p => p.AddChildContent(Protected).Add(x => x.RedirectOnFail, "/login"));
        cut.WaitForElement("#secret");
        Provider.CheckResult = CheckResult.Fail("/login");

        await cut.InvokeAsync(() => Auth.LogoutAsync());

        cut.WaitForAssertion(() => Assert.Equal(["/login?to=%2Fadmin"], _navigator.Requested));
        Assert.Empty(cut.FindAll("#secret"));
    }

    private sealed class DeferredNavigator(string currentUri) : INavigator
    {
        private readonly List<string> _requested = [];

        public string CurrentUri => currentUri;

        public IReadOnlyList<string> Requested
        {
            get
            {
                lock (_requested)
                {
                    return [.. _requested];
                }
            }
        }

        public void NavigateTo(string path, NavigationKind kind)
        {
            lock (_requested)
            {
                _requested.Add(path);
            }
        }
    }
}
