using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace RefineSharp.Blazor.Tests.Profile;

/// <summary>The profile form and AuthActions.UpdateIdentity over a provider with an in-memory profile.</summary>
public sealed class ProfileFormTests : RefineTestBase
{
    public ProfileFormTests()
        : base(new ProfileBackend())
    {
    }

    private ProfileBackend Backend => (ProfileBackend)Provider;

    [Fact]
    public void Prerendered_SubmitDisabledAndNoProviderCall()
    {
        Prerender();

        var cut = Render<ProfileForm>();

        Assert.True(cut.Find("[data-refine-profile-submit]").HasAttribute("disabled"));
        Assert.Equal("post", cut.Find("form").GetAttribute("method"));
        Assert.Empty(Backend.Calls);
    }

    [Fact]
    public void Interactive_ShowsTheCurrentIdentity()
    {
        var cut = Render<ProfileForm>();

        cut.WaitForAssertion(() => Assert.Equal("Ann", cut.Find("#profile-name").GetAttribute("value")));
        Assert.Equal("ann@example.com", cut.Find("#profile-email").GetAttribute("value"));
        Assert.Equal("https://img.example/ann.png", cut.Find("#profile-avatar").GetAttribute("value"));
        Assert.False(cut.Find("[data-refine-profile-submit]").HasAttribute("disabled"));
    }

    [Fact]
    public async Task Submit_SendsOnlyChangedFields_AndEveryIdentityViewShowsTheNewName()
    {
        var identity = Render<AuthIdentity<UserIdentity>>(p => p.Add(x => x.ChildContent, me => b => b.AddContent(0, me?.Name ?? "nobody")));
        identity.WaitForAssertion(() => Assert.Equal("Ann", identity.Markup));
        var cut = Render<ProfileForm>();
        cut.WaitForAssertion(() => Assert.Equal("Ann", cut.Find("#profile-name").GetAttribute("value")));

        await cut.Find("#profile-name").ChangeAsync(new ChangeEventArgs { Value = "  Ann Smith " });
        await cut.Find("form").SubmitAsync();

        var sent = Assert.Single(Backend.RequestsOf<UpdateIdentityRequest>());
        Assert.Equal(("Ann Smith", (string?)null, (string?)null), (sent.Name, sent.Email, sent.Avatar));
        identity.WaitForAssertion(() => Assert.Equal("Ann Smith", identity.Markup));
        cut.WaitForAssertion(() => Assert.Equal("Ann Smith", cut.Find("#profile-name").GetAttribute("value")));
        Assert.Empty(cut.FindAll("[data-refine-profile-error]"));
    }

    [Fact]
    public async Task Submit_TakenEmail_ShowsTheErrorInlineAndAsNotification_IdentityUnchanged()
    {
        var notifications = Render<RefineNotifications>();
        var identity = Render<AuthIdentity<UserIdentity>>(p => p.Add(x => x.ChildContent, me => b => b.AddContent(0, me?.Email ?? "nobody")));
        var cut = Render<ProfileForm>();
        cut.WaitForAssertion(() => Assert.Equal("ann@example.com", cut.Find("#profile-email").GetAttribute("value")));

        await cut.Find("#profile-email").ChangeAsync(new ChangeEventArgs { Value = ProfileBackend.TakenEmail });
        await cut.Find("form").SubmitAsync();

        Assert.Equal("This email is already used by another account.", cut.Find("[data-refine-profile-error]").TextContent.Trim());
        notifications.WaitForAssertion(() => Assert.Contains(
            "This email is already used by another account.",
            notifications.Find("[data-notification-key=update-identity-error]").TextContent,
            StringComparison.Ordinal));
        Assert.Equal("ann@example.com", Backend.Profile.Email);
        Assert.Equal("ann@example.com", identity.Markup);

        // What the user typed stays, so they can correct it.
        Assert.Equal(ProfileBackend.TakenEmail, cut.Find("#profile-email").GetAttribute("value"));
    }

    [Fact]
    public async Task GeneratedDataUrlAvatar_ShowsEmptyAndIsNeverSentBack()
    {
        Backend.Profile = Backend.Profile with { Avatar = "data:image/svg+xml,%3Csvg%3E%3C/svg%3E" };
        var cut = Render<ProfileForm>();
        cut.WaitForAssertion(() => Assert.Equal("Ann", cut.Find("#profile-name").GetAttribute("value")));
        Assert.True(string.IsNullOrEmpty(cut.Find("#profile-avatar").GetAttribute("value")));

        await cut.Find("#profile-name").ChangeAsync(new ChangeEventArgs { Value = "Bob" });
        await cut.Find("form").SubmitAsync();

        var sent = Assert.Single(Backend.RequestsOf<UpdateIdentityRequest>());
        Assert.Equal(("Bob", (string?)null), (sent.Name, sent.Avatar));
    }

    [Fact]
    public async Task Submit_NothingChanged_SaysSoAndCallsNoProvider()
    {
        var cut = Render<ProfileForm>();
        cut.WaitForAssertion(() => Assert.Equal("Ann", cut.Find("#profile-name").GetAttribute("value")));

        await cut.Find("form").SubmitAsync();

        Assert.Equal("Change at least one field.", cut.Find("[data-refine-profile-error]").TextContent.Trim());
        Assert.Empty(Backend.RequestsOf<UpdateIdentityRequest>());
    }

    [Fact]
    public async Task Submit_EmptyAvatar_RemovesIt()
    {
        var cut = Render<ProfileForm>();
        cut.WaitForAssertion(() => Assert.Equal("Ann", cut.Find("#profile-name").GetAttribute("value")));

        await cut.Find("#profile-avatar").ChangeAsync(new ChangeEventArgs { Value = "   " });
        await cut.Find("form").SubmitAsync();

        Assert.Equal("", Assert.Single(Backend.RequestsOf<UpdateIdentityRequest>()).Avatar);
        Assert.Null(Backend.Profile.Avatar);
    }

    [Fact]
    public async Task Submit_EmptiedName_SendsRemove_EmptiedEmail_SendsNothing()
    {
        var cut = Render<ProfileForm>();
        cut.WaitForAssertion(() => Assert.Equal("Ann", cut.Find("#profile-name").GetAttribute("value")));

        await cut.Find("#profile-name").ChangeAsync(new ChangeEventArgs { Value = "" });
        await cut.Find("#profile-email").ChangeAsync(new ChangeEventArgs { Value = " " });
        await cut.Find("form").SubmitAsync();

        var sent = Assert.Single(Backend.RequestsOf<UpdateIdentityRequest>());
        Assert.Equal(("", (string?)null), (sent.Name, sent.Email));
    }

    [Fact]
    public async Task Submit_ProviderThrows_GenericInlineErrorAndNoCrash()
    {
        Backend.UpdateHandler = (_, _) => throw new HttpRequestException("identity.internal:5000 refused");
        var cut = Render<ProfileForm>();
        cut.WaitForAssertion(() => Assert.Equal("Ann", cut.Find("#profile-name").GetAttribute("value")));

        await cut.Find("#profile-name").ChangeAsync(new ChangeEventArgs { Value = "Bob" });
        await cut.Find("form").SubmitAsync();

        var error = cut.Find("[data-refine-profile-error]").TextContent.Trim();
        Assert.Equal("The sign-in service could not complete the request. Please try again later.", error);
        Assert.DoesNotContain("identity.internal", cut.Markup, StringComparison.Ordinal);
        Assert.False(cut.Find("[data-refine-profile-submit]").HasAttribute("disabled"));
        Assert.Equal("Ann", Backend.Profile.Name);
    }

    [Fact]
    public async Task Submit_WhilePending_ButtonDisabledAndBusy()
    {
        var answer = new TaskCompletionSource<AuthActionResult>();
        Backend.UpdateHandler = (_, _) => answer.Task;
        var cut = Render<ProfileForm>();
        cut.WaitForAssertion(() => Assert.Equal("Ann", cut.Find("#profile-name").GetAttribute("value")));
        await cut.Find("#profile-name").ChangeAsync(new ChangeEventArgs { Value = "Bob" });

        var submitting = cut.Find("form").SubmitAsync();
        cut.WaitForAssertion(() => Assert.Equal("true", cut.Find("[data-refine-profile-submit]").GetAttribute("aria-busy")));
        Assert.True(cut.Find("[data-refine-profile-submit]").HasAttribute("disabled"));
        answer.SetResult(AuthActionResult.Ok());
        await submitting;

        cut.WaitForAssertion(() => Assert.False(cut.Find("[data-refine-profile-submit]").HasAttribute("disabled")));
    }

    [Fact]
    public async Task MutationVariables_AndUrlParameters_ReachTheProvider()
    {
        Navigation.NavigateTo("/account?tenant=acme&source=url");
        var cut = Render<ProfileForm>(p => p.Add(x => x.MutationVariables, new Dictionary<string, object?> { ["source"] = "form" }));
        cut.WaitForAssertion(() => Assert.Equal("Ann", cut.Find("#profile-name").GetAttribute("value")));
        await cut.Find("#profile-name").ChangeAsync(new ChangeEventArgs { Value = "Bob" });

        await cut.Find("form").SubmitAsync();

        var sent = Assert.Single(Backend.RequestsOf<UpdateIdentityRequest>());
        Assert.Equal(("acme", "form"), (sent.GetExtraString("tenant"), sent.GetExtraString("source")));
    }

    [Fact]
    public void German_LabelsAndButton()
    {
        UseCulture("de-DE");

        var cut = Render<ProfileForm>();

        Assert.Equal("Profil", cut.Find("h2").TextContent);
        Assert.Equal("E-Mail", cut.Find("label[for=profile-email]").TextContent);
        Assert.Equal("Avatar-URL", cut.Find("label[for=profile-avatar]").TextContent);
        Assert.Equal("Profil speichern", cut.Find("[data-refine-profile-submit]").GetAttribute("value"));
    }

    [Fact]
    public async Task German_NothingChanged_MessageIsGerman()
    {
        UseCulture("de-DE");
        var cut = Render<ProfileForm>();
        cut.WaitForAssertion(() => Assert.Equal("Ann", cut.Find("#profile-name").GetAttribute("value")));

        await cut.Find("form").SubmitAsync();

        Assert.Equal("Ändern Sie mindestens ein Feld.", cut.Find("[data-refine-profile-error]").TextContent.Trim());
    }

    [Fact]
    public async Task AuthActions_UpdateIdentity_TracksPendingAndError()
    {
        var actions = Services.GetRequiredService<AuthActions>();
        var answer = new TaskCompletionSource<AuthActionResult>();
        Backend.UpdateHandler = (_, _) => answer.Task;

        var running = OnRendererAsync(() => actions.UpdateIdentityAsync(new UpdateIdentityRequest { Name = "x" }));
        Assert.True(actions.UpdateIdentity.IsPending);
        Assert.True(actions.IsPending);
        answer.SetResult(AuthActionResult.Fail("Update Identity Error", "Nope"));
        await running;

        Assert.False(actions.IsPending);
        Assert.Equal(new AuthError("Update Identity Error", "Nope"), actions.UpdateIdentity.Error);
        Assert.True(Auth.Features.HasFlag(AuthFeatures.UpdateIdentity));
    }
}
