using Bunit;

namespace RefineSharp.Blazor.Tests.Components;

public sealed class AuthQueryViewTests : RefineTestBase
{
    [Fact]
    public void AuthIdentity_ShowsTheIdentityAndFollowsChanges()
    {
        Refine.SetAuthenticated("ann");
        var cut = Render<AuthIdentity<UserIdentity>>(p => p.Add(x => x.ChildContent, me => b => b.AddContent(0, me?.Name ?? "nobody")));
        cut.WaitForAssertion(() => Assert.Equal("ann", cut.Markup));

        Refine.SetIdentity(new UserIdentity { Id = "2", Name = "bob" });

        cut.WaitForAssertion(() => Assert.Equal("bob", cut.Markup));
    }

    [Fact]
    public void AuthIdentity_WhileLoading_ShowsLoading()
    {
        // The identity belongs to the shared snapshot, which asks for it only once the check says signed in.
        Refine.SetAuthenticated();
        var answer = new TaskCompletionSource<object?>();
        FullProvider.IdentityHandler = (_, _) => answer.Task;

        var cut = Render<AuthIdentity<string>>(p => p
            .Add(x => x.Loading, b => b.AddContent(0, "…"))
            .Add(x => x.ChildContent, me => b => b.AddContent(0, me ?? "none")));
        Assert.Equal("…", cut.Markup);

        answer.SetResult("ann");
        cut.WaitForAssertion(() => Assert.Equal("ann", cut.Markup));
    }

    [Fact]
    public void AuthIdentity_Prerendering_ShowsLoadingAndAsksNothing()
    {
        Prerender();

        var cut = Render<AuthIdentity<string>>(p => p.Add(x => x.Loading, b => b.AddContent(0, "…")).Add(x => x.ChildContent, me => b => b.AddContent(0, me)));

        Assert.Equal("…", cut.Markup);
        Assert.Empty(Provider.Calls);
    }

    [Fact]
    public void AuthPermissions_PassesParamsAndShowsTheAnswer()
    {
        Refine.SetAuthenticated();
        FullProvider.PermissionsHandler = (request, _) => Task.FromResult<object?>(new[] { "role:" + request.GetExtraString("currentRole") });

        var cut = Render<AuthPermissions<string[]>>(p => p
            .Add(x => x.Params, new Dictionary<string, object?> { ["currentRole"] = "admin" })
            .Add(x => x.ChildContent, permissions => b => b.AddContent(0, string.Join(",", permissions ?? []))));

        cut.WaitForAssertion(() => Assert.Equal("role:admin", cut.Markup));
    }

    [Fact]
    public void AuthIdentity_WrongType_ShowsDefaultInsteadOfCrashing()
    {
        Refine.SetIdentity(42);

        var cut = Render<AuthIdentity<string>>(p => p.Add(x => x.ChildContent, me => b => b.AddContent(0, me ?? "none")));

        cut.WaitForAssertion(() => Assert.Equal("none", cut.Markup));
    }
}
