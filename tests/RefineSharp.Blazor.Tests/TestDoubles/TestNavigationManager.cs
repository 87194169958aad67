using Microsoft.AspNetCore.Components;

namespace RefineSharp.Blazor.Tests.TestDoubles;

/// <summary>A NavigationManager of an app hosted under <paramref name="baseUri"/> (for example "http://localhost/app1/").</summary>
public sealed class TestNavigationManager : NavigationManager
{
    public TestNavigationManager(string baseUri) => Initialize(baseUri, baseUri);

    protected override void NavigateToCore(string uri, NavigationOptions options) => Uri = ToAbsoluteUri(uri).ToString();
}
