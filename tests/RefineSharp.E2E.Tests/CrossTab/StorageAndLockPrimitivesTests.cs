using System.Text.Json;
using Microsoft.Playwright;
using RefineSharp.E2E.Tests.Infrastructure;

namespace RefineSharp.E2E.Tests.CrossTab;

/// <summary>
/// refine-sync.js's cross-tab primitives in Chromium itself: the compare-and-set behind
/// BrowserStorageTokenStore.ReplaceAsync (a logout in another tab is never overwritten) and the Web Locks wrapper
/// behind the cross-tab refresh lock (a second tab waits; a withdrawn request is never granted; the next holder reads
/// what the previous one wrote, which Chromium's per-process copies of localStorage do not give on their own; a
/// sign-out waits for a refresh holding the lock instead of being overwritten by it).
/// </summary>
[Collection(DemoCollection.Name)]
public sealed class StorageAndLockPrimitivesTests(DemoFixture fixture, WasmDemoFixture wasm)
{
    private const string Import = "const m = await import('/_content/RefineSharp.Blazor/refine-sync.js');";

    [Fact]
    public async Task ReplaceItem_EveryCase_WritesOnlyWhileTheExpectedTokensAreStored()
    {
        await using var session = await fixture.OpenAsync(nameof(ReplaceItem_EveryCase_WritesOnlyWhileTheExpectedTokensAreStored), wasm.Server);
        var page = await OpenAsync(session.Page);

        var json = await page.EvaluateAsync<JsonElement>($$"""
            async () => {
              {{Import}}
              const k = 'cas-test';
              const r = {};
              localStorage.setItem(k, JSON.stringify({ accessToken: 'a1', refreshToken: 'r1' }));
              r.match = await m.replaceItem('local', k, 'a1', null, JSON.stringify({ accessToken: 'a2' }));
              r.afterMatch = localStorage.getItem(k);
              r.stale = await m.replaceItem('local', k, 'a1', null, 'stale-write');
              r.afterStale = localStorage.getItem(k);
              localStorage.removeItem(k);
              r.cleared = await m.replaceItem('local', k, 'a2', null, 'resurrected');
              r.afterCleared = localStorage.getItem(k);
              localStorage.setItem(k, 'not json');
              r.garbage = await m.replaceItem('local', k, 'a2', null, 'x');
              localStorage.setItem(k, JSON.stringify({ refreshToken: 'r' }));
              r.noToken = await m.replaceItem('local', k, '', null, 'x');
              localStorage.setItem(k, 'cipher-1');
              r.textMatch = await m.replaceItem('local', k, null, 'cipher-1', 'cipher-2');
              r.textStale = await m.replaceItem('local', k, null, 'cipher-1', 'cipher-3');
              r.afterText = localStorage.getItem(k);
              localStorage.removeItem(k);
              return r;
            }
            """);

        Assert.True(json.GetProperty("match").GetBoolean());
        Assert.Equal("""{"accessToken":"a2"}""", json.GetProperty("afterMatch").GetString());
        Assert.False(json.GetProperty("stale").GetBoolean());
        Assert.Equal("""{"accessToken":"a2"}""", json.GetProperty("afterStale").GetString());
        Assert.False(json.GetProperty("cleared").GetBoolean());
        Assert.Equal(JsonValueKind.Null, json.GetProperty("afterCleared").ValueKind);
        Assert.False(json.GetProperty("garbage").GetBoolean());
        Assert.False(json.GetProperty("noToken").GetBoolean());
        Assert.True(json.GetProperty("textMatch").GetBoolean());
        Assert.False(json.GetProperty("textStale").GetBoolean());
        Assert.Equal("cipher-2", json.GetProperty("afterText").GetString());
    }

    [Fact]
    public async Task ReplaceItem_LogoutInAnotherTab_IsNotUndone()
    {
        await using var session = await fixture.OpenAsync(nameof(ReplaceItem_LogoutInAnotherTab_IsNotUndone), wasm.Server);
        var refreshing = await OpenAsync(session.Page);
        var loggingOut = await OpenAsync(await session.Context.NewPageAsync());
        await refreshing.EvaluateAsync("() => localStorage.setItem('cas-logout', JSON.stringify({ accessToken: 'old' }))");

        // The other tab logs out; this tab learns of it (its storage event) before its refresh finishes.
        var noticed = refreshing.EvaluateAsync<bool>("""
            () => new Promise(resolve => addEventListener('storage', e => { if (e.key === 'cas-logout' && e.newValue === null) resolve(true); }))
            """);
        await loggingOut.EvaluateAsync($"async () => {{ {Import} m.removeItem('local', 'cas-logout'); }}");
        Assert.True(await noticed);

        var written = await refreshing.EvaluateAsync<bool>($"async () => {{ {Import} return await m.replaceItem('local', 'cas-logout', 'old', null, JSON.stringify({{ accessToken: 'new' }})); }}");

        Assert.False(written);
        Assert.Null(await refreshing.EvaluateAsync<string?>("() => localStorage.getItem('cas-logout')"));
        Assert.Null(await loggingOut.EvaluateAsync<string?>("() => localStorage.getItem('cas-logout')"));
    }

    [Fact]
    public async Task AcquireLock_SecondTab_WaitsUntilTheFirstReleases()
    {
        await using var session = await fixture.OpenAsync(nameof(AcquireLock_SecondTab_WaitsUntilTheFirstReleases), wasm.Server);
        var first = await OpenAsync(session.Page);
        var second = await OpenAsync(await session.Context.NewPageAsync());

        Assert.True(await first.EvaluateAsync<bool>($"async () => {{ {Import} return m.acquireLock('lock-test', 'one', 60000); }}"));
        await second.EvaluateAsync($"async () => {{ {Import} window.__second = m.acquireLock('lock-test', 'two', 60000); window.__secondDone = false; window.__second.then(() => window.__secondDone = true); }}");
        await first.WaitForFunctionAsync("async () => (await navigator.locks.query()).pending.some(l => l.name === 'lock-test')");
        Assert.False(await second.EvaluateAsync<bool>("() => window.__secondDone"));

        await first.EvaluateAsync($"async () => {{ {Import} m.releaseLock('one'); }}");

        Assert.True(await second.EvaluateAsync<bool>("() => window.__second"));
        await second.EvaluateAsync($"async () => {{ {Import} m.releaseLock('two'); }}");
        await first.WaitForFunctionAsync("async () => { const q = await navigator.locks.query(); return !q.held.some(l => l.name === 'lock-test') && !q.pending.some(l => l.name === 'lock-test'); }");
    }

    [Fact]
    public async Task AcquireLock_WithdrawnWhileQueued_IsNeverGranted()
    {
        await using var session = await fixture.OpenAsync(nameof(AcquireLock_WithdrawnWhileQueued_IsNeverGranted), wasm.Server);
        var first = await OpenAsync(session.Page);
        var second = await OpenAsync(await session.Context.NewPageAsync());
        Assert.True(await first.EvaluateAsync<bool>($"async () => {{ {Import} return m.acquireLock('withdraw-test', 'one', 60000); }}"));
        await second.EvaluateAsync($"async () => {{ {Import} window.__second = m.acquireLock('withdraw-test', 'two', 60000); }}");
        await first.WaitForFunctionAsync("async () => (await navigator.locks.query()).pending.some(l => l.name === 'withdraw-test')");

        // The .NET side gave up waiting (its cancellation token): the queued request is withdrawn.
        await second.EvaluateAsync($"async () => {{ {Import} m.releaseLock('two'); }}");

        Assert.False(await second.EvaluateAsync<bool>("() => window.__second"));
        await first.EvaluateAsync($"async () => {{ {Import} m.releaseLock('one'); }}");
        await first.WaitForFunctionAsync("async () => { const q = await navigator.locks.query(); return !q.held.some(l => l.name === 'withdraw-test') && !q.pending.some(l => l.name === 'withdraw-test'); }");
    }

    /// <summary>
    /// Attack: tab one holds the lock, tab two queues for it, tab one writes new tokens and releases at once, and tab
    /// two reads the entry as soon as it is granted: what a refresh inside the lock does. Through refine-sync.js's lock
    /// every read sees the write; through a bare Web Lock (the control, same tabs, same moves) Chromium often serves tab
    /// two its own stale copy of localStorage (41 of 100 reads on this machine, before the hand-over existed), so the
    /// measurement is one that can fail.
    /// </summary>
    [Fact]
    public async Task AcquireLock_NextHolder_ReadsWhatThePreviousHolderWroteBeforeReleasing()
    {
        await using var session = await fixture.OpenAsync(nameof(AcquireLock_NextHolder_ReadsWhatThePreviousHolderWroteBeforeReleasing), wasm.Server);
        var (first, second) = await TwoTabsWithTheModuleAsync(session);

        var throughRefineSync = await StaleReadsAsync(first, second, bare: false, rounds: 100);
        var throughBareLock = await StaleReadsAsync(first, second, bare: true, rounds: 100);

        Assert.Equal(0, throughRefineSync);
        Assert.True(throughBareLock > 0, "the control saw no stale read: this browser kept the tabs' storage in step on its own");
    }

    private static async Task<int> StaleReadsAsync(IPage first, IPage second, bool bare, int rounds)
    {
        const string Take = """
            async bare => {
              if (!bare) return window.m.acquireLock('handover-test', 'one', 60000);
              await new Promise(held => navigator.locks.request('handover-test', () => new Promise(release => { window.__release = release; held(); })));
            }
            """;
        const string ReadWhenGranted = """
            async bare => {
              if (bare) return navigator.locks.request('handover-test', () => localStorage.getItem('handover-tokens'));
              await window.m.acquireLock('handover-test', 'two', 60000);
              const seen = localStorage.getItem('handover-tokens');
              await window.m.releaseLock('two');
              return seen;
            }
            """;
        const string WriteAndRelease = """
            async ([bare, value]) => {
              localStorage.setItem('handover-tokens', value);
              if (bare) window.__release(); else await window.m.releaseLock('one');
            }
            """;
        var stale = 0;
        for (var i = 0; i < rounds; i++)
        {
            var written = $"tokens-{bare}-{i}";
            await first.EvaluateAsync(Take, bare);
            var read = second.EvaluateAsync<string?>(ReadWhenGranted, bare);
            await first.WaitForFunctionAsync("async () => (await navigator.locks.query()).pending.some(l => l.name === 'handover-test')");
            await first.EvaluateAsync(WriteAndRelease, new object[] { bare, written });
            if (await read != written)
            {
                stale++;
            }
        }

        return stale;
    }

    /// <summary>
    /// Attack: a sign-out in one tab while another tab's refresh holds the lock and is about to store renewed tokens.
    /// Each renderer compares against its own copy of localStorage, so an unserialized removal could land before the
    /// refresh's compare-and-set and be overwritten by it (a probe saw that 8 times in 100). The removal waits for the
    /// lock, so it happens after the refresh's write and the session stays ended in both tabs, every round.
    /// </summary>
    [Fact]
    public async Task RemoveItem_WhileAnotherTabRefreshes_WaitsForTheLockAndStaysRemoved()
    {
        await using var session = await fixture.OpenAsync(nameof(RemoveItem_WhileAnotherTabRefreshes_WaitsForTheLockAndStaysRemoved), wasm.Server);
        var (refreshing, loggingOut) = await TwoTabsWithTheModuleAsync(session);

        for (var round = 0; round < 20; round++)
        {
            var old = $$"""{"accessToken":"old-{{round}}"}""";
            await refreshing.EvaluateAsync("v => localStorage.setItem('overlap-tokens', v)", old);
            await loggingOut.WaitForFunctionAsync("v => localStorage.getItem('overlap-tokens') === v", old);
            Assert.True(await refreshing.EvaluateAsync<bool>("() => window.m.acquireLock('overlap-lock', 'refresh', 60000)"));

            await loggingOut.EvaluateAsync("() => { window.__removed = false; window.__removal = Promise.resolve(window.m.removeItem('local', 'overlap-tokens', 'overlap-lock')).then(() => window.__removed = true); }");
            await refreshing.WaitForFunctionAsync("async () => (await navigator.locks.query()).pending.some(l => l.name === 'overlap-lock')");
            Assert.False(await loggingOut.EvaluateAsync<bool>("() => window.__removed"), "the sign-out did not wait for the refresh holding the lock");

            var stored = await refreshing.EvaluateAsync<bool>(
                "r => window.m.replaceItem('local', 'overlap-tokens', 'old-' + r, null, JSON.stringify({ accessToken: 'renewed-' + r }), 'overlap-lock')",
                round);
            Assert.True(stored);
            await refreshing.EvaluateAsync("() => window.m.releaseLock('refresh')");
            await loggingOut.EvaluateAsync("() => window.__removal");

            Assert.Null(await loggingOut.EvaluateAsync<string?>("() => localStorage.getItem('overlap-tokens')"));
            await refreshing.WaitForFunctionAsync("() => localStorage.getItem('overlap-tokens') === null", null, new() { Timeout = 5_000 });
        }
    }

    // Two tabs of one browser, each with refine-sync.js as window.m.
    private static async Task<(IPage First, IPage Second)> TwoTabsWithTheModuleAsync(BrowserSession session)
    {
        var first = await OpenAsync(session.Page);
        var second = await OpenAsync(await session.Context.NewPageAsync());
        foreach (var tab in new[] { first, second })
        {
            await tab.EvaluateAsync($"async () => {{ {Import} window.m = m; }}");
        }

        return (first, second);
    }

    // Any page of the app will do; Blazor is kept out so nothing else touches storage or locks meanwhile.
    private static async Task<IPage> OpenAsync(IPage page)
    {
        await page.RouteAsync("**/_framework/**", route => route.AbortAsync());
        await page.GotoAsync("/login");
        return page;
    }
}
