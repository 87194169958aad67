using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace RefineSharp.Blazor.Tests.Navigation;

public sealed class NavigationManagerNavigatorTests : RefineTestBase
{
    private INavigator Navigator => Services.GetRequiredService<INavigator>();

    [Fact]
    public void NavigateTo_Replace_ReplacesTheHistoryEntry()
    {
        Navigator.NavigateTo("/login?to=%2Forders", NavigationKind.Replace);

        var entry = Navigation.History.Single();
        Assert.Equal("http://localhost/login?to=%2Forders", Navigation.Uri);
        Assert.True(entry.Options.ReplaceHistoryEntry);
    }

    [Fact]
    public void NavigateTo_Push_AddsAHistoryEntry()
    {
        Navigator.NavigateTo("/bye", NavigationKind.Push);

        Assert.False(Navigation.History.Single().Options.ReplaceHistoryEntry);
    }

    [Fact]
    public void CurrentUri_IsTheAppRelativePathAndQuery()
    {
        Navigation.NavigateTo("/orders/7?tab=items");

        Assert.Equal("/orders/7?tab=items", Navigator.CurrentUri);
    }

    [Fact]
    public void NavigateTo_NavigationManagerThrows_DoesNotEscape()
    {
        var navigator = new NavigationManagerNavigator(new ThrowingNavigationManager());

        navigator.NavigateTo("/login", NavigationKind.Replace);

        Assert.Equal("/", navigator.CurrentUri);
    }

    [Fact]
    public void CurrentUri_UnderAPathBase_StaysAppRelative()
    {
        var navigator = new NavigationManagerNavigator(new ThrowingNavigationManager("http://localhost/app/", "http://localhost/app/orders?x=1"));

        Assert.Equal("/orders?x=1", navigator.CurrentUri);
    }

    private sealed class ThrowingNavigationManager : NavigationManager
    {
        public ThrowingNavigationManager(string baseUri = "http://localhost/", string uri = "http://localhost/") => Initialize(baseUri, uri);

        protected override void NavigateToCore(string uri, NavigationOptions options) => throw new NavigationException(uri);
    }
}
