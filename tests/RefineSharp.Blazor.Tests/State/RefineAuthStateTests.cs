using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;

namespace RefineSharp.Blazor.Tests.State;

public sealed class RefineAuthStateTests : RefineTestBase
{
    [Fact]
    public void CascadingState_AfterSetAuthenticated_ShowsIdentityAndPermissions()
    {
        var cut = Render<StateProbe>();
        cut.WaitForAssertion(() => Assert.Equal("Unauthenticated||False", cut.Find("#state").TextContent));

        Refine.SetAuthenticated("ann").SetPermissions("admin");

        cut.WaitForAssertion(() => Assert.Equal("Authenticated|ann|True", cut.Find("#state").TextContent));
    }

    [Fact]
    public void CascadingState_Prerendering_StaysUnknown()
    {
        Prerender();
        Refine.SetAuthenticated("ann");

        var cut = Render<StateProbe>();

        Assert.Equal("Unknown||False", cut.Find("#state").TextContent);
        Assert.Empty(Provider.Calls);
    }

    [Fact]
    public void CascadeComponent_PassesTheStateToItsChildren()
    {
        Refine.SetAuthenticated("bob");

        var cut = Render<RefineAuthStateCascade>(p => p.AddChildContent<StateProbe>());

        cut.WaitForAssertion(() => Assert.Equal("Authenticated|bob|False", cut.Find("#state").TextContent));
    }

    [Fact]
    public void HasPermission_ListOfStrings_Matches()
    {
        var state = new RefineAuthState { Status = AuthStatus.Authenticated, Permissions = new[] { "admin" } };

        Assert.True(state.HasPermission("admin"));
        Assert.False(state.HasPermission("editor"));
        Assert.Equal("x", new RefineAuthState { Identity = "x" }.GetIdentity<string>());
    }

    private sealed class StateProbe : ComponentBase
    {
        [CascadingParameter]
        private RefineAuthState? State { get; set; }

        [Inject]
        private IServiceProvider Services { get; set; } = default!;

        protected override void OnInitialized()
        {
            if (RendererInfo.IsInteractive)
            {
                // What any RefineSharp component does when it renders interactively.
                RefineServices.Require<InteractivityMonitor>(Services).MarkInteractive();
            }
        }

        protected override void BuildRenderTree(RenderTreeBuilder builder)
        {
            var state = State ?? RefineAuthState.Unknown;
            builder.OpenElement(0, "p");
            builder.AddAttribute(1, "id", "state");
            builder.AddContent(2, $"{state.Status}|{state.GetIdentity<UserIdentity>()?.Name}|{state.HasPermission("admin")}");
            builder.CloseElement();
        }
    }
}
