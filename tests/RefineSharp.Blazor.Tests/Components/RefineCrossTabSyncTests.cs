using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.JSInterop;

namespace RefineSharp.Blazor.Tests.Components;

public sealed class RefineCrossTabSyncTests : RefineTestBase
{
    private readonly BunitJSModuleInterop _module;
    private readonly BunitJSInterop _sync;

    public RefineCrossTabSyncTests()
    {
        _module = JSInterop.SetupModule(RefineJsModule.Path);
        _sync = _module.SetupModule(invocation => invocation.Identifier == "startSync");
        _sync.SetupVoid("post", _ => true).SetVoidResult();
        _sync.SetupVoid("dispose").SetVoidResult();
    }

    [Fact]
    public void Render_FirstInteractiveRender_ImportsTheModuleAndStartsSync()
    {
        Render<RefineCrossTabSync>();

        Assert.Equal(RefineJsModule.Path, JSInterop.VerifyInvoke("import").Arguments[0]);
        var start = _module.VerifyInvoke("startSync");
        Assert.IsType<DotNetObjectReference<CrossTabCallback>>(start.Arguments[0]);
        Assert.Equal("refine-sharp-auth", start.Arguments[1]);
        Assert.Empty((string[])start.Arguments[2]!);
    }

    [Fact]
    public void OnRemoteChange_FromJavaScript_InvalidatesTheAuthStore()
    {
        Refine.SetAuthenticated("ann");
        Render<RefineCrossTabSync>();
        var guard = Render<Authenticated>(p => p.AddChildContent("<p id=\"in\">in</p>").Add(x => x.Params, new Dictionary<string, object?> { ["probe"] = 1 }));
        guard.WaitForElement("#in");
        Provider.CheckResult = CheckResult.Fail();
        var callback = (DotNetObjectReference<CrossTabCallback>)_module.VerifyInvoke("startSync").Arguments[0]!;

        OnRenderer(() => callback.Value.OnRemoteChange("Logout"));

        guard.WaitForAssertion(() => Assert.Empty(guard.FindAll("#in")));
        Assert.Empty(_sync.Invocations["post"]);
    }

    [Fact]
    public async Task Login_InThisTab_IsPostedToOtherTabs()
    {
        Render<RefineCrossTabSync>();

        await OnRendererAsync(() => Auth.LoginAsync(new LoginRequest { Email = "a@b.c", Password = "x" }));
        await OnRendererAsync(() => Auth.LogoutAsync());

        Assert.Equal(["Login", "Logout"], _sync.Invocations["post"].Select(i => (string)i.Arguments[0]!));
    }

    [Fact]
    public async Task Dispose_StopsTheJavaScriptListener()
    {
        Render<RefineCrossTabSync>();

        await DisposeComponentsAsync();

        _sync.VerifyInvoke("dispose");
    }

    [Fact]
    public void Render_Prerendering_CallsNoJavaScript()
    {
        Prerender();

        Render<RefineCrossTabSync>();

        Assert.Empty(JSInterop.Invocations);
    }
}
