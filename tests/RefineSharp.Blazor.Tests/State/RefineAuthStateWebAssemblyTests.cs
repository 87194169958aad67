using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace RefineSharp.Blazor.Tests.State;

/// <summary>
/// In WebAssembly the DI scope is interactive from its start (nothing prerenders in the browser), so no component's
/// first interactive render announces it: the cascaded <see cref="RefineAuthState"/> must still load on its own.
/// </summary>
public sealed class RefineAuthStateWebAssemblyTests : RefineTestBase
{
    [Fact]
    public void CascadingState_BrowserScopeAndOnlyAUserComponent_LoadsOnItsOwn()
    {
        // As AddBlazor() registers it in the browser (OperatingSystem.IsBrowser() is false in this test process).
        Services.Replace(ServiceDescriptor.Scoped(_ => new InteractivityMonitor(interactiveFromStart: true)));
        // Before any service is resolved: the provider simply answers so from the start, no invalidation happens.
        Refine.SetAuthenticated("ann");
        SetRendererInfo(new RendererInfo("WebAssembly", isInteractive: true));

        var cut = Render<PlainStateReader>();

        cut.WaitForAssertion(() => Assert.Equal("Authenticated|ann", cut.Find("#state").TextContent));
    }

    [Fact]
    public void CascadingState_BrowserScopeSignedOut_LoadsUnauthenticated()
    {
        Services.Replace(ServiceDescriptor.Scoped(_ => new InteractivityMonitor(interactiveFromStart: true)));
        SetRendererInfo(new RendererInfo("WebAssembly", isInteractive: true));

        var cut = Render<PlainStateReader>();

        cut.WaitForAssertion(() => Assert.Equal("Unauthenticated|", cut.Find("#state").TextContent));
    }

    [Fact]
    public void CascadingState_ServerPrerenderScope_AsksNothingAndCallsNoJavaScript()
    {
        // The default registration outside the browser: a prerender scope stays non-interactive.
        Prerender();
        Refine.SetAuthenticated("ann");

        var cut = Render<PlainStateReader>();

        Assert.Equal("Unknown|", cut.Find("#state").TextContent);
        Assert.False(Services.GetRequiredService<InteractivityMonitor>().IsInteractive);
        Assert.Empty(Provider.Calls);
        Assert.Empty(JSInterop.Invocations);
    }

    /// <summary>An app's own component: reads the cascaded state and nothing else (it never marks the scope interactive).</summary>
    private sealed class PlainStateReader : ComponentBase
    {
        [CascadingParameter]
        private RefineAuthState? State { get; set; }

        protected override void BuildRenderTree(RenderTreeBuilder builder)
        {
            var state = State ?? RefineAuthState.Unknown;
            builder.OpenElement(0, "p");
            builder.AddAttribute(1, "id", "state");
            builder.AddContent(2, $"{state.Status}|{state.GetIdentity<UserIdentity>()?.Name}");
            builder.CloseElement();
        }
    }
}
