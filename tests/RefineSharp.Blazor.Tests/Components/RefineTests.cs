using Bunit;
using RefineSharp.Testing;

namespace RefineSharp.Blazor.Tests.Components;

public sealed class RefineTests : RefineTestBase
{
    [Fact]
    public void Render_AuthProviderParameter_IsUsedInsteadOfTheRegisteredOne()
    {
        var own = new FakeAuthProvider { CheckResult = CheckResult.Ok() };

        var cut = Render<Refine>(p => p
            .Add(x => x.AuthProvider, own)
            .AddChildContent<Authenticated>(a => a.AddChildContent("<p id=\"in\">in</p>")));

        cut.WaitForElement("#in");
        Assert.Equal(1, own.CallCount(nameof(AuthProvider.CheckAsync)));
        Assert.Empty(Provider.Calls);
    }

    [Fact]
    public void Render_Interactive_RendersOutletAndReadinessMarker()
    {
        var cut = Render<Refine>(p => p.AddChildContent("<main>app</main>"));

        Assert.NotNull(cut.Find("section.refine-notifications"));
        Assert.True(cut.Find("span[data-refine-interactive]").HasAttribute("hidden"));
    }

    [Fact]
    public void Render_Prerendering_HasNoReadinessMarker()
    {
        Prerender();

        var cut = Render<Refine>(p => p.AddChildContent("<main>app</main>"));

        Assert.Empty(cut.FindAll("[data-refine-interactive]"));
        Assert.Equal("app", cut.Find("main").TextContent);
    }
}
