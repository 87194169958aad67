using Bunit;
using Microsoft.Extensions.DependencyInjection;

namespace RefineSharp.Blazor.Tests.Components;

public sealed class RefineCrossTabSyncTokenTests : RefineTestBase
{
    [Fact]
    public void Render_WithLocalBrowserTokenStore_WatchesTheTokenKey()
    {
        Services.AddRefine().AddBrowserTokenStore(o => o.Key = "my-tokens");
        var module = JSInterop.SetupModule(RefineJsModule.Path);
        module.SetupModule(invocation => invocation.Identifier == "startSync");

        Render<RefineCrossTabSync>();

        Assert.Equal(["my-tokens"], (string[])module.VerifyInvoke("startSync").Arguments[2]!);
    }
}
