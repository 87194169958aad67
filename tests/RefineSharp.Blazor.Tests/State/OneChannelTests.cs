using Bunit;
using Microsoft.Extensions.DependencyInjection;

namespace RefineSharp.Blazor.Tests.State;

/// <summary>
/// ADR 0007: the guard, the identity and permissions views, AuthorizeView and the cascaded state are derived from one
/// snapshot, so no rendered frame shows one of them signed in and another signed out, and the provider is asked once
/// per change however many consumers there are.
/// </summary>
public sealed class OneChannelTests : RefineTestBase
{
    private readonly List<Frame> _frames = [];

    [Fact]
    public async Task EveryConsumer_ThroughLoginIdentityChangeErrorLogoutAndOutage_ShowsOneStateInEveryFrame()
    {
        var world = new World(FullProvider);
        var cut = RenderConsumers();
        Settle();

        await OnRendererAsync(() => Auth.LoginAsync(new LoginRequest { Email = "ann", Password = "pw" }));
        Settle();
        Assert.Equal("Authenticated|ann|role:ann", Shown(cut));

        // Another tab signed in someone else: the identity is invalidated.
        world.User = "bob";
        OnRenderer(Auth.InvalidateAuthStore);
        Settle();
        Assert.Equal("Authenticated|bob|role:bob", Shown(cut));

        // A data call met a 401: the provider asks for logout.
        await OnRendererAsync(() => Auth.OnErrorAsync(new OnErrorRequest { StatusCode = 401 }));
        Settle();
        Assert.Equal("Unauthenticated|-|-", Shown(cut));

        await OnRendererAsync(() => Auth.LoginAsync(new LoginRequest { Email = "ann", Password = "pw" }));
        Settle();

        // The backend goes down: every view fails closed at once.
        world.Broken = true;
        OnRenderer(Auth.InvalidateAuthStore);
        Settle();
        Assert.Equal("Unauthenticated|-|-", Shown(cut));

        world.Broken = false;
        OnRenderer(Auth.InvalidateAuthStore);
        Settle();
        Assert.Equal("Authenticated|ann|role:ann", Shown(cut));

        AssertEveryFrameAgrees();

        // Render-level: each view changed exactly once per visible change, with no loading or signed-out frame in
        // between (the old snapshot stays until the new one is complete).
        var visible = _frames.Select(f => string.Join("|", f.State.Split('|').Where((_, i) => i != 1)))
            .Where((s, i) => i == 0 || s != string.Join("|", _frames[i - 1].State.Split('|').Where((_, j) => j != 1)))
            .ToList();
        Assert.Equal(
            [
                "Unknown|-|-",
                "Unauthenticated|-|-",
                "Authenticated|ann|role:ann",
                "Authenticated|bob|role:bob",
                "Unauthenticated|-|-",
                "Authenticated|ann|role:ann",
                "Unauthenticated|-|-",
                "Authenticated|ann|role:ann",
            ],
            visible);
    }

    [Fact]
    public void ManyConsumers_AskTheProviderOncePerChange()
    {
        // No reuse of answers in the engine: every consumer that asked on its own would reach the provider.
        Services.Configure<RefineOptions>(o => o.QueryCacheDuration = TimeSpan.Zero);
        var world = new World(FullProvider) { User = "ann" };
        var cut = RenderConsumers(copies: 4);
        Settle();
        Assert.Equal("Authenticated|ann|role:ann", Shown(cut));
        AssertAskedOnce();

        for (var change = 0; change < 3; change++)
        {
            FullProvider.ClearCalls();
            world.User = change % 2 == 0 ? "bob" : "ann";
            OnRenderer(Auth.InvalidateAuthStore);
            Settle();
            Assert.Equal($"Authenticated|{world.User}|role:{world.User}", Shown(cut));
            AssertAskedOnce();
        }

        AssertEveryFrameAgrees();
    }

    [Fact]
    public void ThrowingProvider_LeavesEveryViewSignedOut()
    {
        var world = new World(FullProvider) { User = "ann", Broken = true };

        var cut = RenderConsumers(copies: 2);
        Settle();

        Assert.Equal("Unauthenticated|-|-", Shown(cut));
        Assert.DoesNotContain(">in<", cut.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("ann", cut.Markup, StringComparison.Ordinal);
        AssertEveryFrameAgrees(mayHaveSettledInFirstRender: true);
    }

    [Fact]
    public async Task SlowAnswerToAnOlderChange_NeverReplacesTheNewerState()
    {
        var world = new World(FullProvider) { User = "ann" };
        var cut = RenderConsumers();
        Settle();

        // The answer to the logout's check hangs; a login follows and is answered at once.
        var late = new TaskCompletionSource<CheckResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        var calls = 0;
        var answer = FullProvider.CheckHandler!;
        FullProvider.CheckHandler = (request, ct) => Interlocked.Increment(ref calls) == 1 ? late.Task : answer(request, ct);
        await OnRendererAsync(() => Auth.LogoutAsync());
        cut.WaitForAssertion(() => Assert.Equal(1, Volatile.Read(ref calls)));
        await OnRendererAsync(() => Auth.LoginAsync(new LoginRequest { Email = "bob", Password = "pw" }));
        Settle();
        Assert.Equal("Authenticated|bob|role:bob", Shown(cut));
        var version = _frames[^1].Version;

        late.SetResult(CheckResult.Fail());
        await Task.Delay(50);
        OnRenderer(() => { });

        Assert.Equal("Authenticated|bob|role:bob", Shown(cut));
        Assert.Equal(version, Frame.Read(cut.Markup).Version);
        AssertEveryFrameAgrees();
    }

    private IRenderedComponent<AuthConsumers> RenderConsumers(int copies = 1)
    {
        var cut = Render<AuthConsumers>(p => p.Add(x => x.Copies, copies));
        lock (_frames)
        {
            _frames.Add(Frame.Read(cut.Markup));
        }

        cut.OnMarkupUpdated += (_, _) =>
        {
            var frame = Frame.Read(cut.Markup);
            lock (_frames)
            {
                _frames.Add(frame);
            }
        };
        return cut;
    }

    private static string Shown(IRenderedComponent<AuthConsumers> cut)
    {
        var state = Frame.Read(cut.Markup).State.Split('|');
        return $"{state[0]}|{state[2]}|{state[3]}";
    }

    private void AssertAskedOnce()
    {
        Assert.Equal(1, Provider.CallCount(nameof(AuthProvider.CheckAsync)));
        Assert.Equal(1, Provider.CallCount(nameof(AuthProvider.GetIdentityAsync)));
        Assert.Equal(1, Provider.CallCount(nameof(AuthProvider.GetPermissionsAsync)));
    }

    // A provider that fails at once can let the state settle within the first render (seen once in a full run on a
    // loaded machine): then the first frame is the only one, and it must agree with itself like any other.
    private void AssertEveryFrameAgrees(bool mayHaveSettledInFirstRender = false)
    {
        lock (_frames)
        {
            Assert.True(_frames.Count > (mayHaveSettledInFirstRender ? 0 : 1), $"{_frames.Count} frame(s) seen");
            var shown = 0L;
            foreach (var frame in _frames)
            {
                Assert.True(frame.Views.Count % 5 == 0 && frame.Views.Count > 0, $"a view is missing: {frame}");
                Assert.Null(frame.Disagreement());
                Assert.True(frame.Version >= shown, $"the state went back from version {shown} to {frame.Version}");
                shown = frame.Version;
            }
        }
    }
}
