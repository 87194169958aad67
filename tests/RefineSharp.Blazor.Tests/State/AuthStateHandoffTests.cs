using System.Text.Json;
using Bunit;
using Bunit.TestDoubles;
using CsCheck;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace RefineSharp.Blazor.Tests.State;

/// <summary>
/// The prerender's snapshot handed to the WebAssembly app (persistent component state): the browser's first render
/// shows it, the first check's answer replaces it, and nothing is decided on it (a forged one grants nothing).
/// </summary>
public sealed class AuthStateHandoffTests : RefineTestBase
{
    [Fact]
    public void Browser_PersistedSnapshot_FirstRenderShowsItAndTheCheckReplacesIt()
    {
        Refine.SetAuthenticated("ann");
        var persisted = UseBrowserScope();
        persisted.Persist(AuthStateHandoff.Key, Blob(true, new UserIdentity { Id = "ann", Name = "Seeded Ann" }, new[] { "admin" }));
        var gate = HoldTheCheck();
        InBrowser();

        var cut = Render<StateReader>();

        // The first render equals the prerendered HTML: no Loading, the seeded identity and permissions.
        Assert.Equal("Authenticated|Seeded Ann|admin", cut.Find("#state").TextContent);
        var seed = Services.GetRequiredService<RefineAuthStateSource>().Current;
        Assert.True(Services.GetRequiredService<RefineAuthStateSource>().IsSuperseded(seed));

        gate.SetResult(CheckResult.Ok());
        cut.WaitForAssertion(() => Assert.Equal("Authenticated|ann|", cut.Find("#state").TextContent));
        Assert.Equal(1, Provider.CallCount(nameof(AuthProvider.CheckAsync)));
    }

    [Fact]
    public void Browser_ForgedAdminSnapshotSignedOutHost_GuardShowsTheSeedThenRedirectsAndDropsIt()
    {
        var persisted = UseBrowserScope();
        persisted.Persist(AuthStateHandoff.Key, Blob(true, new UserIdentity { Id = "mallory", Name = "Mallory" }, new[] { "admin" }));
        var gate = HoldTheCheck();
        InBrowser();

        var cut = Render<GuardedPage>();
        Assert.Contains("protected", cut.Markup, StringComparison.Ordinal);
        Assert.Equal("http://localhost/", Navigation.Uri); // nothing is decided on the seed

        gate.SetResult(CheckResult.Fail(redirectTo: "/login"));
        cut.WaitForAssertion(() => Assert.DoesNotContain("protected", cut.Markup, StringComparison.Ordinal));
        cut.WaitForAssertion(() => Assert.StartsWith("http://localhost/login", Navigation.Uri, StringComparison.Ordinal));
        Assert.Equal(AuthStatus.Unauthenticated, Services.GetRequiredService<RefineAuthStateSource>().Current.Status);
    }

    [Fact]
    public void Browser_AnyPersistedValue_NeverThrowsAndTheSignedOutAnswerAlwaysWins()
    {
        // Hostile blobs: arbitrary JSON of any shape under the key. Whatever was seeded, the check's answer replaces it.
        var json = Gen.OneOf(
            Gen.String.Select(s => (object)s),
            Gen.Int.Select(i => (object)i),
            Gen.Bool.Select(b => (object)new { authenticated = b }),
            Gen.Select(Gen.Bool, Gen.String, Gen.String.Array[0, 4], (b, name, perms) =>
                (object)new { authenticated = b, identity = new { id = name, name }, permissions = perms }),
            Gen.Select(Gen.Bool, Gen.Int, (b, i) => (object)new { authenticated = b, identity = i, permissions = i }));

        var seeded = 0;
        json.Sample(value =>
        {
            using var ctx = new HandoffScope(value);
            var source = ctx.Source;
            var first = source.Current;
            Assert.True(first.IsLoading || (first.Version == 1 && source.IsSuperseded(first)));
            seeded += first.IsAuthenticated ? 1 : 0;
            ctx.Gate.SetResult(CheckResult.Fail());
            var answered = source.GetStateAsync().WaitAsync(TimeSpan.FromSeconds(15)).GetAwaiter().GetResult();
            Assert.Equal(AuthStatus.Unauthenticated, answered.Status);
            Assert.Null(answered.Identity);
            Assert.Same(answered, source.Current);
        }, iter: 200, threads: 1);

        // The generator reaches the dangerous case: a blob that claims a signed-in user.
        Assert.True(seeded > 0);
    }

    [Fact]
    public void Server_PrerenderWithSessions_PersistsTheRenderedAnswerOnly()
    {
        var persisted = AddBunitPersistentComponentState();
        Refine.SetAuthenticated("ann").SetPermissions("admin");
        Services.Replace(ServiceDescriptor.Scoped(_ => new InteractivityMonitor(interactiveFromStart: true)));
        Services.Replace(ServiceDescriptor.Scoped(sp => new RefineAuthStateSource(
            sp.GetRequiredService<AuthManager>(), sp.GetRequiredService<InteractivityMonitor>(), persisted: sp.GetRequiredService<PersistentComponentState>(), inBrowser: false)));
        Settle();

        persisted.TriggerOnPersisting();

        Assert.True(persisted.TryTake<JsonElement>(AuthStateHandoff.Key, out var blob));
        Assert.Equal(new[] { "authenticated", "identity", "permissions" }, blob.EnumerateObject().Select(p => p.Name));
        Assert.True(blob.GetProperty("authenticated").GetBoolean());
        Assert.Equal("ann", blob.GetProperty("identity").GetProperty("name").GetString());
        Assert.Equal("[\"admin\"]", blob.GetProperty("permissions").GetRawText());
    }

    [Fact]
    public void Server_PrerenderWithoutSessions_PersistsNothing()
    {
        // Browser-held tokens: the prerender asks nothing, so it has nothing to hand over (standalone mode unchanged).
        var persisted = AddBunitPersistentComponentState();
        Refine.SetAuthenticated("ann");
        Services.Replace(ServiceDescriptor.Scoped(_ => new InteractivityMonitor(interactiveFromStart: false)));
        Services.Replace(ServiceDescriptor.Scoped(sp => new RefineAuthStateSource(
            sp.GetRequiredService<AuthManager>(), sp.GetRequiredService<InteractivityMonitor>(), persisted: sp.GetRequiredService<PersistentComponentState>(), inBrowser: false)));
        _ = Services.GetRequiredService<RefineAuthStateSource>();

        persisted.TriggerOnPersisting();

        Assert.False(persisted.TryTake<JsonElement>(AuthStateHandoff.Key, out _));
    }

    private static object Blob(bool authenticated, object? identity, object? permissions) =>
        new { authenticated, identity, permissions };

    private TaskCompletionSource<CheckResult> HoldTheCheck()
    {
        var gate = new TaskCompletionSource<CheckResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        Provider.CheckHandler = (_, _) => gate.Task;
        return gate;
    }

    /// <summary>A browser scope whose source reads the handed-over state (every service registered before any is resolved).</summary>
    private BunitPersistentComponentState UseBrowserScope()
    {
        var persisted = AddBunitPersistentComponentState();
        Services.Replace(ServiceDescriptor.Scoped(_ => new InteractivityMonitor(interactiveFromStart: true)));
        Services.Replace(ServiceDescriptor.Scoped(sp => new RefineAuthStateSource(
            sp.GetRequiredService<AuthManager>(), sp.GetRequiredService<InteractivityMonitor>(), persisted: sp.GetRequiredService<PersistentComponentState>(), inBrowser: true)));
        return persisted;
    }

    /// <summary>The renderer of a browser app (set after the state is persisted: bUnit reads it back differently once a renderer is set up).</summary>
    private void InBrowser() => SetRendererInfo(new RendererInfo("WebAssembly", isInteractive: true));

    /// <summary>One browser scope of its own per generated value (a signed-out host), disposed after the check.</summary>
    private sealed class HandoffScope : RefineTestBase
    {
        public HandoffScope(object value)
        {
            var persisted = AddBunitPersistentComponentState();
            Services.Replace(ServiceDescriptor.Scoped(_ => new InteractivityMonitor(interactiveFromStart: true)));
            persisted.Persist(AuthStateHandoff.Key, value);

            // The check waits until the seed has been looked at (else a fast answer could be read instead).
            Provider.CheckHandler = (_, _) => Gate.Task;
            Source = new RefineAuthStateSource(Services.GetRequiredService<AuthManager>(), Services.GetRequiredService<InteractivityMonitor>(), persisted: Services.GetRequiredService<PersistentComponentState>(), inBrowser: true);
        }

        public RefineAuthStateSource Source { get; }

        public TaskCompletionSource<CheckResult> Gate { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private sealed class StateReader : ComponentBase
    {
        [CascadingParameter]
        private RefineAuthState? State { get; set; }

        protected override void BuildRenderTree(RenderTreeBuilder builder)
        {
            var state = State ?? RefineAuthState.Unknown;
            builder.OpenElement(0, "p");
            builder.AddAttribute(1, "id", "state");
            builder.AddContent(2, $"{state.Status}|{state.GetIdentity<UserIdentity>()?.Name}|{string.Join(",", state.GetPermissions<string[]>() ?? [])}");
            builder.CloseElement();
        }
    }

    private sealed class GuardedPage : ComponentBase
    {
        protected override void BuildRenderTree(RenderTreeBuilder builder)
        {
            builder.OpenComponent<Authenticated>(0);
            builder.AddComponentParameter(1, nameof(Authenticated.ChildContent), (RenderFragment)(b => b.AddContent(0, "protected")));
            builder.AddComponentParameter(2, nameof(Authenticated.Loading), (RenderFragment)(b => b.AddContent(0, "loading")));
            builder.CloseComponent();
        }
    }
}
