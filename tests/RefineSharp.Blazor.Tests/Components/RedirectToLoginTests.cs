using Bunit;

namespace RefineSharp.Blazor.Tests.Components;

public sealed class RedirectToLoginTests : RefineTestBase
{
    [Fact]
    public void Render_SignedOut_GoesToLoginWithTheCurrentPath()
    {
        Navigation.NavigateTo("/orders?page=2");

        var cut = Render<RedirectToLogin>();

        cut.WaitForAssertion(() => Assert.Equal("http://localhost/login?to=%2Forders%3Fpage%3D2", Navigation.Uri));
    }

    [Fact]
    public void Render_SignedInWithoutTheRole_Stays()
    {
        Refine.SetAuthenticated("ann");
        Navigation.NavigateTo("/admin");

        var cut = Render<RedirectToLogin>();

        cut.WaitForState(() => Provider.CallCount(nameof(AuthProvider.CheckAsync)) > 0);
        Assert.Equal("http://localhost/admin", Navigation.Uri);
    }

    [Fact]
    public void Render_Prerendering_DoesNothing()
    {
        Prerender();
        Navigation.NavigateTo("/orders");

        Render<RedirectToLogin>();

        Assert.Equal("http://localhost/orders", Navigation.Uri);
        Assert.Empty(Provider.Calls);
    }
}
