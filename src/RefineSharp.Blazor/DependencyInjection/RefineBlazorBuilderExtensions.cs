using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RefineSharp;
using RefineSharp.Blazor;
using RefineSharp.Tokens;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds RefineSharp's Blazor services to a <see cref="RefineBuilder"/>.</summary>
public static class RefineBlazorBuilderExtensions
{
    /// <summary>
    /// Wires the engine into Blazor: NavigationManager navigation, the notification store that
    /// <see cref="RefineNotifications"/> shows, the cascading <see cref="RefineAuthState"/>,
    /// <see cref="RefineAuthenticationStateProvider"/> (for AuthorizeView and [Authorize]),
    /// <c>AddAuthorizationCore()</c>, <c>AddCascadingAuthenticationState()</c> and <see cref="AuthActions"/>. Safe to call more than once.
    /// </summary>
    public static RefineBuilder AddBlazor(this RefineBuilder builder, Action<RefineBlazorOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<RefineBlazorOptions>();
        if (configure is not null)
        {
            services.Configure(configure);
        }

        if (services.Any(d => d.ServiceType == typeof(BlazorMarker)))
        {
            return builder;
        }

        services.AddSingleton<BlazorMarker>();
        services.Replace(ServiceDescriptor.Scoped<INavigator, NavigationManagerNavigator>());
        services.TryAddScoped<RefineNotificationStore>();
        services.Replace(ServiceDescriptor.Scoped<INotificationService>(sp => sp.GetRequiredService<RefineNotificationStore>()));
        services.TryAddScoped(sp => new InteractivityMonitor(
            interactiveFromStart: OperatingSystem.IsBrowser() || sp.GetRequiredService<IOptions<RefineBlazorOptions>>().Value.ResolveDuringPrerender));
        services.TryAddScoped<RefineJsModule>();
        services.TryAddTransient<AuthActions>();
        services.TryAddScoped(sp => new RefineAuthStateSource(
            sp.GetRequiredService<AuthManager>(),
            sp.GetRequiredService<InteractivityMonitor>(),
            sp.GetService<ILogger<RefineAuthStateSource>>(),
            sp.GetService<PersistentComponentState>()));
        services.TryAddScoped(sp => new RefineAuthenticationStateProvider(
            sp.GetRequiredService<RefineAuthStateSource>(),
            sp.GetRequiredService<IOptions<RefineBlazorOptions>>()));
        services.Replace(ServiceDescriptor.Scoped<AuthenticationStateProvider>(sp => sp.GetRequiredService<RefineAuthenticationStateProvider>()));
        services.AddAuthorizationCore();
        services.AddCascadingAuthenticationState();
        services.AddCascadingValue<RefineAuthState>(sp => new AuthStateCascadingValueSource(sp.GetRequiredService<RefineAuthStateSource>()));
        return builder;
    }

    /// <summary>
    /// Keeps tokens in the browser's localStorage (or sessionStorage) through <see cref="BrowserStorageTokenStore"/>,
    /// replacing any other <see cref="ITokenStore"/>, and an <see cref="ICrossContextLock"/> (the Web Locks API) so that
    /// the tabs of the app refresh one at a time. Register an <see cref="ITokenProtector"/> to encrypt them.
    /// </summary>
    public static RefineBuilder AddBrowserTokenStore(this RefineBuilder builder, Action<BrowserTokenStoreOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<BrowserTokenStoreOptions>();
        if (configure is not null)
        {
            services.Configure(configure);
        }

        services.TryAddScoped<RefineJsModule>();
        services.TryAddScoped(sp => new BrowserStorageTokenStore(
            sp.GetRequiredService<RefineJsModule>(),
            sp.GetRequiredService<IOptions<BrowserTokenStoreOptions>>().Value,
            sp.GetService<ITokenProtector>(),
            sp.GetService<ILogger<BrowserStorageTokenStore>>(),
            sp.GetService<NavigationManager>()));
        services.Replace(ServiceDescriptor.Scoped<ITokenStore>(sp => sp.GetRequiredService<BrowserStorageTokenStore>()));
        services.TryAddScoped<ICrossContextLock>(sp => new BrowserRefreshLock(
            sp.GetRequiredService<RefineJsModule>(),
            sp.GetRequiredService<BrowserStorageTokenStore>(),
            sp.GetService<ILogger<BrowserRefreshLock>>()));
        return builder;
    }

    /// <summary>Marks a service collection to which <see cref="AddBlazor"/> has already added its services.</summary>
    private sealed class BlazorMarker;
}
