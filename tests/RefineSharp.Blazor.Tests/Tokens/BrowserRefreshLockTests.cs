using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using RefineSharp.Blazor.Tests.TestDoubles;
using RefineSharp.Tokens;

namespace RefineSharp.Blazor.Tests.Tokens;

/// <summary>
/// The browser's cross-tab refresh lock: the action runs between acquireLock and releaseLock (the Web Locks API does
/// the waiting), the name is scoped like the storage key, and where no lock can be had the action still runs.
/// Two real tabs racing a rotating refresh token: CrossTab/CrossTabRefreshTests.
/// </summary>
public sealed class BrowserRefreshLockTests : RefineTestBase
{
    private readonly BunitJSModuleInterop _module;

    public BrowserRefreshLockTests() => _module = JSInterop.SetupModule(RefineJsModule.Path);

    private ICrossContextLock Lock => Services.GetRequiredService<ICrossContextLock>();

    [Fact]
    public async Task RunExclusive_LockGranted_RunsTheActionWhileHoldingItAndReleasesItAfterwards()
    {
        Services.AddRefine().AddBrowserTokenStore();
        _module.Setup<bool>("acquireLock", _ => true).SetResult(true);
        _module.SetupVoid("releaseLock", _ => true).SetVoidResult();
        var order = new List<string>();

        var result = await Lock.RunExclusiveAsync(_ =>
        {
            order.AddRange(_module.Invocations.Select(i => i.Identifier));
            return Task.FromResult(42);
        });

        Assert.Equal(42, result);
        Assert.Equal(["acquireLock"], order);
        var acquire = _module.VerifyInvoke("acquireLock");
        var release = _module.VerifyInvoke("releaseLock");
        Assert.Equal("refine-sharp.refresh:refine-sharp.tokens", acquire.Arguments[0]);
        Assert.Equal(acquire.Arguments[1], release.Arguments[0]);
    }

    [Fact]
    public async Task RunExclusive_ActionThrows_StillReleasesTheLock()
    {
        Services.AddRefine().AddBrowserTokenStore();
        _module.Setup<bool>("acquireLock", _ => true).SetResult(true);
        _module.SetupVoid("releaseLock", _ => true).SetVoidResult();

        await Assert.ThrowsAsync<InvalidOperationException>(() => Lock.RunExclusiveAsync<int>(_ => throw new InvalidOperationException("refresher broke")));

        _module.VerifyInvoke("releaseLock");
    }

    [Fact]
    public async Task RunExclusive_UnderABasePath_LockNameIsScopedLikeTheStorageKey()
    {
        Services.AddSingleton<NavigationManager>(new TestNavigationManager("http://localhost/app1/"));
        Services.AddRefine().AddBrowserTokenStore();
        _module.Setup<bool>("acquireLock", _ => true).SetResult(true);
        _module.SetupVoid("releaseLock", _ => true).SetVoidResult();

        await Lock.RunExclusiveAsync(_ => Task.FromResult(true));

        Assert.Equal("refine-sharp.refresh:refine-sharp.tokens:/app1/", _module.VerifyInvoke("acquireLock").Arguments[0]);
    }

    [Fact]
    public async Task RunExclusive_WebLocksUnavailable_RunsTheActionWithoutTheLock()
    {
        Services.AddRefine().AddBrowserTokenStore();
        _module.Setup<bool>("acquireLock", _ => true).SetResult(false);

        Assert.Equal("ran", await Lock.RunExclusiveAsync(_ => Task.FromResult("ran")));
        Assert.DoesNotContain(_module.Invocations, i => i.Identifier == "releaseLock");
    }

    [Fact]
    public async Task RunExclusive_SessionStorage_TakesNoCrossTabLock()
    {
        Services.AddRefine().AddBrowserTokenStore(o => o.Storage = BrowserStorageKind.Session);

        Assert.Equal("ran", await Lock.RunExclusiveAsync(_ => Task.FromResult("ran")));
        Assert.Empty(_module.Invocations);
    }

    [Fact]
    public async Task RunExclusive_CancelledWhileWaiting_WithdrawsTheRequestAndNeverRunsTheAction()
    {
        Services.AddRefine().AddBrowserTokenStore();
        _module.Setup<string?>("getItem", _ => true).SetResult(null);
        await Services.GetRequiredService<ITokenStore>().GetAsync();
        // The browser still queues the request when the caller gives up: the JS call ends cancelled.
        _module.Setup<bool>("acquireLock", _ => true).SetCanceled();
        _module.SetupVoid("releaseLock", _ => true).SetVoidResult();
        using var cancel = new CancellationTokenSource();
        await cancel.CancelAsync();
        var ran = false;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Lock.RunExclusiveAsync(_ => Task.FromResult(ran = true), cancel.Token));

        Assert.False(ran);
        var acquire = _module.VerifyInvoke("acquireLock");
        Assert.Equal(acquire.Arguments[1], _module.VerifyInvoke("releaseLock").Arguments[0]);
    }
}
