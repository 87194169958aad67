using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.FluentUI.AspNetCore.Components;
using MudBlazor;
using MudBlazor.Services;

namespace RefineSharp.Blazor.Tests.Kits;

/// <summary>
/// Each kit's <see cref="INotificationService"/> keeps refine's contract through the kit's own outlet: registered by the
/// kit's builder extension, one notification per key (a newer one replaces it), Close removes it, errors and successes
/// both reach the kit.
/// </summary>
public abstract class KitNotificationSuite : RefineTestBase, IAsyncLifetime
{
    protected abstract Type Outlet { get; }

    protected abstract Type ServiceType { get; }

    /// <summary>The kit's outlet for statically rendered pages.</summary>
    protected abstract Type StaticOutlet { get; }

    public Task InitializeAsync() => Task.CompletedTask;

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    [Fact]
    public void Registration_ResolvesTheKitsService() =>
        Assert.IsType(ServiceType, Services.GetRequiredService<RefineSharp.INotificationService>());

    [Fact]
    public void Open_SameKeyTwice_ShowsOnlyTheNewerOne_AndCloseRemovesIt()
    {
        var outlet = RenderOutlet();
        var service = Services.GetRequiredService<RefineSharp.INotificationService>();

        OnRenderer(() => service.Open(new AuthNotification("login-error", NotificationType.Error, "First failure", "first details")));
        outlet.WaitForAssertion(() => Assert.Contains("First failure", outlet.Markup, StringComparison.Ordinal));
        OnRenderer(() => service.Open(new AuthNotification("login-error", NotificationType.Error, "Second failure", "second details")));
        outlet.WaitForAssertion(() =>
        {
            Assert.Contains("Second failure", outlet.Markup, StringComparison.Ordinal);
            Assert.Contains("second details", outlet.Markup, StringComparison.Ordinal);
            Assert.DoesNotContain("First failure", outlet.Markup, StringComparison.Ordinal);
        });

        OnRenderer(() => service.Close("login-error"));
        outlet.WaitForAssertion(() => Assert.DoesNotContain("Second failure", outlet.Markup, StringComparison.Ordinal));
    }

    [Fact]
    public void Open_DifferentKeys_ShowsBoth()
    {
        var outlet = RenderOutlet();
        var service = Services.GetRequiredService<RefineSharp.INotificationService>();

        OnRenderer(() =>
        {
            service.Open(new AuthNotification("logout-success", NotificationType.Success, "Signed out", null));
            service.Open(new AuthNotification("register-error", NotificationType.Error, "Registration failed", null));
        });

        outlet.WaitForAssertion(() =>
        {
            Assert.Contains("Signed out", outlet.Markup, StringComparison.Ordinal);
            Assert.Contains("Registration failed", outlet.Markup, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void Close_UnknownKey_DoesNothing()
    {
        var outlet = RenderOutlet();
        var service = Services.GetRequiredService<RefineSharp.INotificationService>();

        OnRenderer(() => service.Close("never-opened"));

        Assert.DoesNotContain("never-opened", outlet.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_KeepsTheStoreThatTheFlashCookieCarries()
    {
        var service = Services.GetRequiredService<RefineSharp.INotificationService>();
        var store = Services.GetRequiredService<RefineNotificationStore>();

        OnRenderer(() => service.Open(new AuthNotification("forgot-password-success", NotificationType.Success, "Reset link sent", null)));
        Assert.Equal("forgot-password-success", Assert.Single(store.Current).Key);

        OnRenderer(() => service.Close("forgot-password-success"));
        Assert.Empty(store.Current);
    }

    [Fact]
    public void StaticOutlet_OnAStaticPage_ShowsWhatTheFlashCookieRestored()
    {
        Prerender();
        var store = Services.GetRequiredService<RefineNotificationStore>();
        var outlet = RenderOutlet(StaticOutlet);

        // The flash cookie's middleware opens notifications in the store, not through the kit's service.
        OnRenderer(() => store.Open(new AuthNotification("forgot-password-success", NotificationType.Success, "Reset link sent", "Check your inbox")));

        outlet.WaitForAssertion(() =>
        {
            var shown = outlet.Find("[data-notification-key=forgot-password-success]");
            Assert.Equal("status", shown.GetAttribute("role"));
            Assert.Contains("Reset link sent", shown.TextContent, StringComparison.Ordinal);
        });
        OnRenderer(() => store.Close("forgot-password-success"));
        outlet.WaitForAssertion(() => Assert.Empty(outlet.FindAll("[data-notification-key]")));
    }

    [Fact]
    public void StaticOutlet_WhenInteractive_LeavesNotificationsToTheKit()
    {
        var outlet = RenderOutlet(StaticOutlet);
        var service = Services.GetRequiredService<RefineSharp.INotificationService>();

        OnRenderer(() => service.Open(new AuthNotification("login-error", NotificationType.Error, "Login Error", null)));

        Assert.Empty(outlet.FindAll("[data-notification-key]"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void StaticOutlet_SessionEndedMarker_OpensTheLocalizedNoticeOnce(bool prerendered)
    {
        if (prerendered)
        {
            Prerender();
        }

        Services.GetRequiredService<NavigationManager>().NavigateTo("/login?to=%2Faccount&refine-notice=session-ended");
        var store = Services.GetRequiredService<RefineNotificationStore>();

        RenderOutlet(StaticOutlet);
        RenderOutlet(StaticOutlet);

        // Through the kit's service (so the snackbar or toast shows it too), into the store; a second outlet adds nothing.
        var notice = Assert.Single(store.Current);
        Assert.Equal(AuthManager.SessionEndedKey, notice.Key);
        Assert.Equal(NotificationType.Error, notice.Type);
        Assert.Equal("Session ended", notice.Message);
    }

    [Theory]
    [InlineData("/login")]
    [InlineData("/login?refine-notice=Your%20account%20was%20hacked%2C%20call%20us")]
    [InlineData("/login?refine-notice=SESSION-ENDED")]
    [InlineData("/login#refine-notice=session-ended")]
    [InlineData("/login?notice=session-ended")]
    public void StaticOutlet_AnyOtherUri_OpensNothing(string uri)
    {
        Prerender();
        Services.GetRequiredService<NavigationManager>().NavigateTo(uri);

        var outlet = RenderOutlet(StaticOutlet);

        Assert.Empty(Services.GetRequiredService<RefineNotificationStore>().Current);
        Assert.Empty(outlet.FindAll("[data-notification-key]"));
        Assert.DoesNotContain("hacked", outlet.Markup, StringComparison.OrdinalIgnoreCase);
    }

    private IRenderedComponent<Microsoft.AspNetCore.Components.IComponent> RenderOutlet(Type? type = null) => Render(b =>
    {
        b.OpenComponent(0, type ?? Outlet);
        b.CloseComponent();
    });
}

public sealed class MudSnackbarNotificationTests : KitNotificationSuite
{
    public MudSnackbarNotificationTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddRefine().AddMudBlazorNotifications();
    }

    protected override Type Outlet => typeof(MudSnackbarProvider);

    protected override Type ServiceType => typeof(RefineSharp.MudBlazor.MudSnackbarNotificationService);

    protected override Type StaticOutlet => typeof(RefineSharp.MudBlazor.RefineMudNotifications);

    [Fact]
    public void StaticOutlet_DoesNotRepeatWhatTheSnackbarShows()
    {
        Prerender();
        var outlet = Render<RefineSharp.MudBlazor.RefineMudNotifications>();
        var service = Services.GetRequiredService<RefineSharp.INotificationService>();

        OnRenderer(() => service.Open(new AuthNotification("login-error", NotificationType.Error, "Login Error", "Invalid email or password.")));

        Assert.Contains(Services.GetRequiredService<ISnackbar>().ShownSnackbars, s => s.Message == "Login Error: Invalid email or password.");
        Assert.Empty(outlet.FindAll("[data-notification-key]"));
    }

    [Fact]
    public void StaticOutlet_SessionEndedMarker_GoesToTheSnackbar()
    {
        Prerender();
        Services.GetRequiredService<NavigationManager>().NavigateTo("/login?refine-notice=session-ended");

        Render<RefineSharp.MudBlazor.RefineMudNotifications>();

        Assert.Contains(Services.GetRequiredService<ISnackbar>().ShownSnackbars, s => s.Message != null && s.Message.StartsWith("Session ended", StringComparison.Ordinal));
    }
}

public sealed class FluentToastNotificationTests : KitNotificationSuite
{
    public FluentToastNotificationTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddFluentUIComponents();
        Services.AddRefine().AddFluentUINotifications();
    }

    protected override Type Outlet => typeof(FluentProviders);

    protected override Type ServiceType => typeof(RefineSharp.FluentUI.FluentToastNotificationService);

    protected override Type StaticOutlet => typeof(RefineSharp.FluentUI.RefineFluentNotifications);

    [Fact]
    public void StaticOutlet_SessionEndedMarker_ShowsAMessageBarWithRefinesText()
    {
        Prerender();
        Services.GetRequiredService<NavigationManager>().NavigateTo("/login?refine-notice=session-ended");

        var outlet = Render<RefineSharp.FluentUI.RefineFluentNotifications>();

        var shown = outlet.Find("[data-notification-key=session-ended]");
        Assert.Equal("alert", shown.GetAttribute("role"));
        Assert.Contains("Session ended", shown.OuterHtml, StringComparison.Ordinal);
    }
}
