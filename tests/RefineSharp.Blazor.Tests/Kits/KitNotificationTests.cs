using Bunit;
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

    private IRenderedComponent<Microsoft.AspNetCore.Components.IComponent> RenderOutlet() => Render(b =>
    {
        b.OpenComponent(0, Outlet);
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
}
