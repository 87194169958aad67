using Microsoft.Extensions.DependencyInjection.Extensions;
using RefineSharp;
using RefineSharp.Tokens;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Configures RefineSharp; provider packages add their own extension methods to it (for example <c>AddJwtAuth</c>).</summary>
public sealed class RefineBuilder
{
    /// <summary>Wraps <paramref name="services"/>; use <c>services.AddRefine()</c> instead of calling this.</summary>
    public RefineBuilder(IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        Services = services;
    }

    /// <summary>The service collection being configured.</summary>
    public IServiceCollection Services { get; }

    /// <summary>Uses <typeparamref name="TProvider"/> (scoped, so it may depend on scoped services) as the auth provider; replaces any earlier one.</summary>
    public RefineBuilder AddAuthProvider<TProvider>()
        where TProvider : AuthProvider
    {
        Services.RemoveAll<AuthProvider>();
        Services.TryAddScoped<TProvider>();
        Services.AddScoped<AuthProvider>(sp => sp.GetRequiredService<TProvider>());
        RefineSetup.For(Services).ProviderType = typeof(TProvider);
        return this;
    }

    /// <summary>Uses <paramref name="provider"/> (one instance for the whole app) as the auth provider; replaces any earlier one.</summary>
    public RefineBuilder AddAuthProvider(AuthProvider provider)
    {
        ArgumentNullException.ThrowIfNull(provider);
        Services.RemoveAll<AuthProvider>();
        Services.AddSingleton(provider);
        RefineSetup.For(Services).ProviderType = null;
        return this;
    }

    /// <summary>Uses the provider <paramref name="factory"/> creates (once per scope); replaces any earlier one.</summary>
    public RefineBuilder AddAuthProvider(Func<IServiceProvider, AuthProvider> factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        Services.RemoveAll<AuthProvider>();
        Services.AddScoped(factory);
        RefineSetup.For(Services).ProviderType = null;
        return this;
    }

    /// <summary>
    /// Adds <typeparamref name="THandler"/> to every client made by <see cref="AddAuthenticatedHttpClient{TClient}"/>,
    /// inside the <see cref="AuthErrorHandler"/> (for example a handler that attaches a bearer token).
    /// <c>AddHttpHandler&lt;BearerTokenHandler&gt;()</c> alone attaches the stored token to those clients (no refresher
    /// needed: without <c>AddTokenRefresh&lt;T&gt;()</c> an expired token ends the session).
    /// </summary>
    public RefineBuilder AddHttpHandler<THandler>()
        where THandler : DelegatingHandler
    {
        if (typeof(THandler) == typeof(BearerTokenHandler))
        {
            // The bearer handler reads tokens through the coordinator; without AddTokenRefresh<T>() it gets one that
            // cannot refresh (an expired token ends the session, a 401 goes to OnErrorAsync), no ceremony needed.
            TokenCoordinatorRegistration.Add(Services);
        }

        Services.TryAddTransient<THandler>();
        Services.Configure<RefineHttpHandlerOptions>(o =>
        {
            if (!o.HandlerTypes.Contains(typeof(THandler)))
            {
                o.HandlerTypes.Add(typeof(THandler));
            }
        });
        return this;
    }

    /// <summary>
    /// Registers <typeparamref name="TClient"/> (a class taking an <see cref="HttpClient"/>) as a scoped typed client
    /// whose requests pass through the <see cref="AuthErrorHandler"/> and the handlers of <see cref="AddHttpHandler{THandler}"/>.
    /// The handlers are built in the caller's scope, so in Blazor Server they talk to the circuit's own AuthManager
    /// (IHttpClientFactory's own handler scope would not).
    /// </summary>
    public RefineBuilder AddAuthenticatedHttpClient<TClient>(Action<IServiceProvider, HttpClient> configure)
        where TClient : class
    {
        ArgumentNullException.ThrowIfNull(configure);
        var name = "RefineSharp:" + typeof(TClient).FullName;
        Services.AddHttpClient(name);
        Services.AddScoped(sp =>
        {
            var client = RefineHttpHandlerRegistry.CreateClient(sp, name);
            configure(sp, client);
            return ActivatorUtilities.CreateInstance<TClient>(sp, client);
        });
        return this;
    }
}
