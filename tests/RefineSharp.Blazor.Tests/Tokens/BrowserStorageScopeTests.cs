using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using RefineSharp.Blazor.Tests.TestDoubles;
using RefineSharp.Tokens;

namespace RefineSharp.Blazor.Tests.Tokens;

/// <summary>
/// Two RefineSharp apps under one origin ("/app1/" and "/app2/") share localStorage and BroadcastChannel names: the
/// default storage key and channel name are scoped to the app's base path, so neither deletes the other's session.
/// </summary>
public sealed class BrowserStorageScopeTests : RefineTestBase
{
    [Theory]
    [InlineData("http://localhost/", "refine-sharp.tokens")]
    [InlineData("http://localhost/app1/", "refine-sharp.tokens:/app1/")]
    [InlineData("https://example.org:8443/tenants/a%20b/", "refine-sharp.tokens:/tenants/a%20b/")]
    public void Key_NotConfigured_IsScopedToTheBasePath(string baseUri, string expected)
    {
        var store = StoreAt(baseUri, configure: null);

        Assert.Equal(expected, store.Key);
    }

    [Theory]
    [InlineData("http://localhost/app1/", "http://localhost/app2/")]
    [InlineData("http://localhost/app1/", "http://localhost/app10/")]
    [InlineData("http://localhost/a/", "http://localhost/a/b/")]
    [InlineData("http://localhost/", "http://localhost/app1/")]
    [InlineData("http://localhost/App/", "http://localhost/app/")]
    public void Key_TwoAppsUnderOneOrigin_NeverShareTheKey(string first, string second)
    {
        Assert.NotEqual(StoreAt(first, null).Key, StoreAt(second, null).Key);
    }

    [Fact]
    public void Key_Configured_IsUsedAsItIsUnderAnyBasePath()
    {
        Assert.Equal("shared-on-purpose", StoreAt("http://localhost/app1/", "shared-on-purpose").Key);
    }

    [Fact]
    public async Task SetAsync_UnderABasePath_WritesTheScopedKey()
    {
        var module = JSInterop.SetupModule(RefineJsModule.Path);
        module.SetupVoid("setItem", _ => true).SetVoidResult();
        Services.AddSingleton<NavigationManager>(new TestNavigationManager("http://localhost/app2/"));
        Services.AddRefine().AddBrowserTokenStore();

        await Services.GetRequiredService<ITokenStore>().SetAsync(new TokenSet { AccessToken = "a" });

        Assert.Equal(["local", "refine-sharp.tokens:/app2/"], module.VerifyInvoke("setItem").Arguments.Take(2));
    }

    [Fact]
    public void CrossTabSync_UnderABasePath_UsesAScopedChannelAndWatchesTheScopedKey()
    {
        Services.AddSingleton<NavigationManager>(new TestNavigationManager("http://localhost/app1/"));
        Services.AddRefine().AddBrowserTokenStore();
        var module = JSInterop.SetupModule(RefineJsModule.Path);
        module.SetupModule(invocation => invocation.Identifier == "startSync");

        Render<RefineCrossTabSync>();

        var start = module.VerifyInvoke("startSync");
        Assert.Equal("refine-sharp-auth:/app1/", start.Arguments[1]);
        Assert.Equal(["refine-sharp.tokens:/app1/"], (string[])start.Arguments[2]!);
    }

    [Fact]
    public void CrossTabSync_ChannelConfigured_UsesItAsItIs()
    {
        Services.AddSingleton<NavigationManager>(new TestNavigationManager("http://localhost/app1/"));
        Services.AddRefine().AddBlazor(o => o.CrossTabChannel = "my-channel");
        var module = JSInterop.SetupModule(RefineJsModule.Path);
        module.SetupModule(invocation => invocation.Identifier == "startSync");

        Render<RefineCrossTabSync>();

        Assert.Equal("my-channel", module.VerifyInvoke("startSync").Arguments[1]);
    }

    private BrowserStorageTokenStore StoreAt(string baseUri, string? configure) =>
        new(new RefineJsModule(JSInterop.JSRuntime), new BrowserTokenStoreOptions { Key = configure }, null, null, new TestNavigationManager(baseUri));
}
