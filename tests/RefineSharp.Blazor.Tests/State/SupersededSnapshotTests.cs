using Bunit;

namespace RefineSharp.Blazor.Tests.State;

/// <summary>
/// ADR 0007: a guard that an interactive login's navigation mounts still receives the signed-out snapshot until the
/// login's own snapshot is complete; deciding on it would send the user who just signed in back to the login page.
/// </summary>
public sealed class SupersededSnapshotTests : RefineTestBase
{
    [Fact]
    public async Task GuardMountedWhileTheLoginIsWorkedOut_WaitsForTheLoginsSnapshotInsteadOfRedirecting()
    {
        _ = new World(FullProvider);
        Render<RefineAuthStateCascade>(p => p.AddChildContent("<p>login page</p>"));
        Settle();

        // The check after the login is slow; meanwhile the app navigates to a protected page.
        var hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var check = FullProvider.CheckHandler!;
        FullProvider.CheckHandler = async (request, ct) =>
        {
            await hold.Task;
            return await check(request, ct);
        };
        await OnRendererAsync(() => Auth.LoginAsync(new LoginRequest { Email = "ann", Password = "pw" }));
        Navigation.NavigateTo("/dashboard");
        var guard = Render<Authenticated>(p => p.Add(x => x.RedirectOnFail, "/login").AddChildContent("<p id=\"secret\">secret</p>"));
        var redirect = Render<RedirectToLogin>();

        Assert.Empty(guard.FindAll("#secret"));
        Assert.Equal("http://localhost/dashboard", Navigation.Uri);

        hold.SetResult();
        guard.WaitForElement("#secret");
        Assert.Equal("http://localhost/dashboard", Navigation.Uri);
        Assert.DoesNotContain(Navigation.History, h => h.Uri.Contains("login", StringComparison.Ordinal));
        Assert.Empty(redirect.Markup);
    }

    [Fact]
    public void GuardOnAFreshSignedOutSnapshot_StillRedirects()
    {
        _ = new World(FullProvider);
        Navigation.NavigateTo("/dashboard");

        Render<Authenticated>(p => p.Add(x => x.RedirectOnFail, "/login").AddChildContent("<p id=\"secret\">secret</p>"));
        Settle();

        Assert.Equal("http://localhost/login?to=%2Fdashboard", Navigation.Uri);
    }
}
