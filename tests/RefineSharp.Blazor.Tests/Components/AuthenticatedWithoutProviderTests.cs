using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace RefineSharp.Blazor.Tests.Components;

public sealed class AuthenticatedWithoutProviderTests : BunitContext
{
    [Fact]
    public void Render_NoAuthProvider_RendersChildrenLikeRefine()
    {
        Services.AddRefine().AddBlazor();
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));

        var cut = Render<Authenticated>(p => p.AddChildContent("<p id=\"open\">open</p>"));

        Assert.Equal("open", cut.Find("#open").TextContent);
    }

    [Fact]
    public void Render_WithoutAddBlazor_ThrowsAnErrorThatSaysHowToFixIt()
    {
        Services.AddRefine().AddAuthProvider(new RefineSharp.Testing.FakeAuthProvider());
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));

        var error = Assert.ThrowsAny<Exception>(() => Render<Authenticated>());

        Assert.Contains("AddBlazor()", error.Message, StringComparison.Ordinal);
    }
}
