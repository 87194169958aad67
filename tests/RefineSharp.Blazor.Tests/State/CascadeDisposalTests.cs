using Bunit;

namespace RefineSharp.Blazor.Tests.State;

/// <summary>
/// A server-rendered request disposes its DI scope, and the renderer with it, before the components: the cascade must
/// stop following the source without asking the disposed scope for anything (the demo's 404 page hit this).
/// </summary>
public sealed class CascadeDisposalTests : RefineTestBase
{
    [Fact]
    public async Task ScopeDisposedBeforeTheComponents_CascadeDisposesWithoutTouchingIt()
    {
        Refine.SetAuthenticated("ann");
        var cut = Render<Refine>(p => p.Add(x => x.Notifications, false).Add(x => x.CrossTabSync, false).AddChildContent("<p>app</p>"));
        Settle();

        await Services.DisposeAsync();
        var disposing = await Record.ExceptionAsync(DisposeComponentsAsync);

        Assert.Null(disposing);
        Assert.True(cut.IsDisposed);
        Assert.False(Renderer.UnhandledException.IsCompleted);
    }
}
