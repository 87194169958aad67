using System.Globalization;
using Bunit;
using Bunit.TestDoubles;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using RefineSharp.Testing;

namespace RefineSharp.Blazor.Tests;

/// <summary>A bUnit context with RefineSharp, a fake provider and fake time; English UI culture unless a test changes it.</summary>
public abstract class RefineTestBase : BunitContext
{
    private readonly CultureInfo _culture = CultureInfo.CurrentUICulture;

    protected RefineTestBase()
        : this(new FakeAuthProvider())
    {
    }

    protected RefineTestBase(FakeAuthProviderBase provider)
    {
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en-US");
        Time = new FakeTimeProvider(new DateTimeOffset(2025, 1, 1, 12, 0, 0, TimeSpan.Zero));
        Services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Time));
        Refine = this.AddRefine(provider);
    }

    protected FakeTimeProvider Time { get; }

    protected RefineTestContext Refine { get; }

    protected FakeAuthProviderBase Provider => Refine.Provider;

    protected FakeAuthProvider FullProvider => (FakeAuthProvider)Refine.Provider;

    protected BunitNavigationManager Navigation => (BunitNavigationManager)Services.GetRequiredService<NavigationManager>();

    protected AuthManager Auth => Services.GetRequiredService<AuthManager>();

    /// <summary>Switches the renderer to static (prerendering) mode.</summary>
    protected void Prerender() => SetRendererInfo(new RendererInfo("Static", isInteractive: false));

    protected void UseCulture(string name) => CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(name);

    /// <summary>Runs <paramref name="action"/> on the renderer's dispatcher, as a component event would.</summary>
    protected void OnRenderer(Action action) => Renderer.Dispatcher.InvokeAsync(action).GetAwaiter().GetResult();

    /// <summary>
    /// Waits until the scope's auth-state snapshot answers the latest change and every component has rendered it:
    /// the first snapshot of a scope arrives one dispatcher turn after the first render (ADR 0007).
    /// </summary>
    protected void Settle()
    {
        Services.GetRequiredService<RefineAuthStateSource>().GetStateAsync().WaitAsync(TimeSpan.FromSeconds(15)).GetAwaiter().GetResult();

        // The snapshot's cascade notification was queued on the dispatcher before the load completed; this runs after it.
        OnRenderer(() => { });
    }

    protected Task<T> OnRendererAsync<T>(Func<Task<T>> action) => Renderer.Dispatcher.InvokeAsync(action);

    protected override void Dispose(bool disposing)
    {
        CultureInfo.CurrentUICulture = _culture;
        base.Dispose(disposing);
    }
}
