using Bunit;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;

namespace RefineSharp.Blazor.Tests.Notifications;

public sealed class RefineNotificationsTests : RefineTestBase
{
    private RefineNotificationStore Store => Services.GetRequiredService<RefineNotificationStore>();

    [Fact]
    public void Open_Success_ShowsAStatusToast()
    {
        var cut = Render<RefineNotifications>();

        OnRenderer(() => Store.Open(new AuthNotification("login-success", NotificationType.Success, "Welcome", "Signed in")));

        var toast = cut.WaitForElement("[data-notification-key=login-success]");
        Assert.Equal("status", toast.GetAttribute("role"));
        Assert.Equal("Welcome", cut.Find(".refine-toast-message").TextContent);
        Assert.Equal("Signed in", cut.Find(".refine-toast-description").TextContent);
    }

    [Fact]
    public void Open_Error_ShowsAnAlertToast()
    {
        var cut = Render<RefineNotifications>();

        OnRenderer(() => Store.Open(new AuthNotification("login-error", NotificationType.Error, "Login Error", "Invalid credentials")));

        Assert.Equal("alert", cut.WaitForElement("[data-notification-key=login-error]").GetAttribute("role"));
    }

    [Fact]
    public void Open_Success_IsDismissedAfterFiveSeconds()
    {
        var cut = Render<RefineNotifications>();
        OnRenderer(() => Store.Open(new AuthNotification("logout-success", NotificationType.Success, "Bye", null)));
        cut.WaitForElement("[data-notification-key=logout-success]");

        Time.Advance(TimeSpan.FromSeconds(4));
        Assert.NotEmpty(cut.FindAll("[data-notification-key=logout-success]"));
        Time.Advance(TimeSpan.FromSeconds(1));

        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll(".refine-toast")));
    }

    [Fact]
    public void Open_Error_StaysLongerThanSuccess()
    {
        var cut = Render<RefineNotifications>();
        OnRenderer(() => Store.Open(new AuthNotification("login-error", NotificationType.Error, "Login Error", null)));

        Time.Advance(TimeSpan.FromSeconds(6));
        Assert.NotEmpty(cut.FindAll("[data-notification-key=login-error]"));
        Time.Advance(TimeSpan.FromSeconds(4));

        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll(".refine-toast")));
    }

    [Fact]
    public async Task Click_Close_RemovesTheToast()
    {
        var cut = Render<RefineNotifications>();
        OnRenderer(() => Store.Open(new AuthNotification("login-error", NotificationType.Error, "Login Error", null)));

        var close = cut.WaitForElement("[data-notification-key=login-error] button");
        Assert.Equal("Close", close.GetAttribute("aria-label"));
        await close.ClickAsync(new MouseEventArgs());

        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll(".refine-toast")));
    }

    [Fact]
    public void Open_SameKeyTwice_ReplacesAndKeepsTheNewOneItsFullTime()
    {
        var cut = Render<RefineNotifications>();
        OnRenderer(() => Store.Open(new AuthNotification("login-success", NotificationType.Success, "First", null)));
        Time.Advance(TimeSpan.FromSeconds(4));

        OnRenderer(() => Store.Open(new AuthNotification("login-success", NotificationType.Success, "Second", null)));
        Time.Advance(TimeSpan.FromSeconds(2));

        cut.WaitForAssertion(() => Assert.Equal("Second", cut.Find(".refine-toast-message").TextContent));
        Assert.Single(cut.FindAll(".refine-toast"));
    }

    [Fact]
    public void Open_ErrorWithoutDuration_StaysUntilClosed()
    {
        Services.AddRefine().AddBlazor(o => o.ErrorNotificationDuration = null);
        var cut = Render<RefineNotifications>();
        OnRenderer(() => Store.Open(new AuthNotification("login-error", NotificationType.Error, "Login Error", null)));

        Time.Advance(TimeSpan.FromHours(1));

        Assert.Single(cut.FindAll(".refine-toast"));
    }

    [Fact]
    public async Task Login_Fails_ShowsRefinesLoginErrorToast()
    {
        Provider.LoginResult = AuthActionResult.Fail();
        var cut = Render<RefineNotifications>();

        await OnRendererAsync(() => Auth.LoginAsync(new LoginRequest { Email = "a@b.c", Password = "x" }));

        var toast = cut.WaitForElement("[data-notification-key=login-error]");
        Assert.Contains("Login Error", toast.TextContent, StringComparison.Ordinal);
        Assert.Contains("Invalid credentials", toast.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_German_LabelsTheCloseButtonInGerman()
    {
        UseCulture("de-DE");
        var cut = Render<RefineNotifications>();
        OnRenderer(() => Store.Open(new AuthNotification("k", NotificationType.Error, "Fehler", null)));

        Assert.Equal("Schließen", cut.WaitForElement(".refine-toast-close").GetAttribute("aria-label"));
    }
}
