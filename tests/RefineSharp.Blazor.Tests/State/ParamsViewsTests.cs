using Bunit;
using Microsoft.Extensions.DependencyInjection;

namespace RefineSharp.Blazor.Tests.State;

/// <summary>ADR 0007: views with Params ask the engine themselves, once per snapshot, and only for a signed-in user.</summary>
public sealed class ParamsViewsTests : RefineTestBase
{
    private static readonly Dictionary<string, object?> Acme = new() { ["tenant"] = "acme" };

    [Fact]
    public void IdentityWithParams_AsksOncePerChangeAndNotForASignedOutUser()
    {
        // No reuse of answers in the engine: a view that asked on every render would reach the provider each time.
        Services.Configure<RefineOptions>(o => o.QueryCacheDuration = TimeSpan.Zero);
        var world = new World(FullProvider) { User = "ann" };
        var identity = FullProvider.IdentityHandler!;
        FullProvider.IdentityHandler = async (request, ct) =>
            await identity(request, ct) is UserIdentity user ? user with { Name = user.Name + "@" + request.GetExtraString("tenant") } : null;

        var cut = Render<AuthIdentity<UserIdentity>>(p => p
            .Add(x => x.Params, Acme)
            .Add(x => x.ChildContent, me => b => b.AddContent(0, me?.Name ?? "-")));
        cut.WaitForAssertion(() => Assert.Equal("ann@acme", cut.Markup));
        Assert.Equal(1, AskedForAcme());

        // A re-render with the same snapshot and the same Params asks nothing.
        cut.Render();
        Assert.Equal("ann@acme", cut.Markup);
        Assert.Equal(1, AskedForAcme());

        world.User = "bob";
        OnRenderer(Auth.InvalidateAuthStore);
        cut.WaitForAssertion(() => Assert.Equal("bob@acme", cut.Markup));
        Assert.Equal(2, AskedForAcme());

        world.User = null;
        OnRenderer(Auth.InvalidateAuthStore);
        cut.WaitForAssertion(() => Assert.Equal("-", cut.Markup));
        Assert.Equal(2, AskedForAcme());
    }

    [Fact]
    public void GuardWithParams_WhileItsCheckIsPending_ShowsLoadingNotThePreviousAnswer()
    {
        var world = new World(FullProvider) { User = "ann" };
        var check = FullProvider.CheckHandler!;
        TaskCompletionSource<CheckResult>? hold = null;
        FullProvider.CheckHandler = (request, ct) => request.GetExtraString("tenant") == "acme" && hold is { } h ? h.Task : check(request, ct);
        var cut = Render<Authenticated>(p => p
            .Add(x => x.Params, Acme)
            .Add(x => x.Loading, b => b.AddContent(0, "loading"))
            .Add(x => x.Fallback, _ => b => b.AddContent(0, "out"))
            .AddChildContent("in"));
        cut.WaitForAssertion(() => Assert.Equal("in", cut.Markup));

        // The session ends; the tenant check for the new snapshot is slow.
        hold = new TaskCompletionSource<CheckResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        world.User = null;
        OnRenderer(Auth.InvalidateAuthStore);
        Settle();
        cut.WaitForAssertion(() => Assert.Equal("loading", cut.Markup));

        hold.SetResult(CheckResult.Fail());
        cut.WaitForAssertion(() => Assert.Equal("out", cut.Markup));
    }

    private int AskedForAcme() => Provider.RequestsOf<IdentityRequest>().Count(r => r.GetExtraString("tenant") == "acme");
}
