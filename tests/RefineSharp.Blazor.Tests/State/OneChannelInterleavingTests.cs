using Bunit;
using CsCheck;

namespace RefineSharp.Blazor.Tests.State;

/// <summary>
/// ADR 0007 under generated interleavings: logins, logouts, 401s, changes made elsewhere, outages and invalidations,
/// started on the renderer's dispatcher with or without waiting for the previous one, against a provider whose
/// answers pause at random. In every rendered frame all consumers show the same snapshot, no frame shows an older
/// snapshot than one before it, the last frame answers the last change and the backend's final truth, and the provider
/// is asked at most once per change.
/// </summary>
public sealed class OneChannelInterleavingTests
{
    private static readonly string[] Names = ["Login ann", "Login bob", "Logout", "401", "Changed elsewhere", "Outage on/off", "Invalidate"];

    private static readonly Gen<(int Kind, bool Wait)> Step = Gen.Int[0, Names.Length - 1].Select(Gen.Bool, (kind, wait) => (kind, wait));

    [Fact]
    public void GeneratedEventSequences_EveryFrameAgreesAndNoneGoesBack() =>
        Gen.Int.Select(Step.Array[1, 10], (seed, steps) => (Seed: seed, Steps: steps)).Sample(
            run =>
            {
                using var scenario = new Scenario(run.Seed);
                scenario.Play(run.Steps);
            },
            iter: 60,
            threads: 1,
            print: run => $"seed {run.Seed}: " + string.Join(", ", run.Steps.Select(s => Names[s.Kind] + (s.Wait ? " (awaited)" : ""))));

    private sealed class Scenario : RefineTestBase
    {
        private static readonly TimeSpan Bound = TimeSpan.FromSeconds(15);
        private readonly World _world;
        private readonly List<Frame> _frames = [];
        private int _changes;

        public Scenario(int seed) => _world = new World(FullProvider, seed, pauses: true);

        public void Play((int Kind, bool Wait)[] steps)
        {
            Auth.AuthStateChanged += (_, _) => Interlocked.Increment(ref _changes);
            var cut = Render<AuthConsumers>(p => p.Add(x => x.Copies, 2));
            Record(Frame.Read(cut.Markup));
            cut.OnMarkupUpdated += (_, _) => Record(Frame.Read(cut.Markup));

            var running = new List<Task>();
            foreach (var (kind, wait) in steps)
            {
                var step = Renderer.Dispatcher.InvokeAsync(() => StartAsync(kind));
                running.Add(step);
                if (wait)
                {
                    step.WaitAsync(Bound).GetAwaiter().GetResult();
                }
            }

            Task.WhenAll(running).WaitAsync(Bound).GetAwaiter().GetResult();
            Settle();

            lock (_frames)
            {
                var shown = 0L;
                foreach (var frame in _frames)
                {
                    Assert.Equal(10, frame.Views.Count);
                    Assert.Null(frame.Disagreement());
                    Assert.True(frame.Version >= shown, $"the state went back from version {shown} to {frame.Version}");
                    shown = frame.Version;
                }
            }

            var last = Frame.Read(cut.Markup);
            var changes = Volatile.Read(ref _changes);
            Assert.Equal(1 + changes, last.Version);
            var user = _world.Broken ? null : _world.User;
            Assert.Equal(user is null ? "Unauthenticated|-|-" : $"Authenticated|{user}|role:{user}", string.Join("|", last.State.Split('|').Where((_, i) => i != 1)));
            Assert.InRange(Provider.CallCount(nameof(AuthProvider.CheckAsync)), 1, changes + 1);
            Assert.InRange(Provider.CallCount(nameof(AuthProvider.GetIdentityAsync)), 0, changes + 1);
            Assert.InRange(Provider.CallCount(nameof(AuthProvider.GetPermissionsAsync)), 0, changes + 1);
        }

        private void Record(Frame frame)
        {
            lock (_frames)
            {
                _frames.Add(frame);
            }
        }

        private Task StartAsync(int kind)
        {
            switch (kind)
            {
                case 0:
                case 1:
                    return Auth.LoginAsync(new LoginRequest { Email = kind == 0 ? "ann" : "bob", Password = "pw" });
                case 2:
                    return Auth.LogoutAsync();
                case 3:
                    return Auth.OnErrorAsync(new OnErrorRequest { StatusCode = 401 });
                case 4:
                    // Another tab or the server changed the session: the app only hears an invalidation.
                    _world.User = _world.User is null ? "cid" : null;
                    break;
                case 5:
                    _world.Broken = !_world.Broken;
                    break;
            }

            Auth.InvalidateAuthStore();
            return Task.CompletedTask;
        }
    }
}
