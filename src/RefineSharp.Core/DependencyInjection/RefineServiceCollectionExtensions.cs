using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using RefineSharp;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers RefineSharp in a service collection.</summary>
public static class RefineServiceCollectionExtensions
{
    /// <summary>
    /// Adds the <see cref="AuthManager"/> and its defaults (no-op navigator and notifications, English texts,
    /// <see cref="TimeProvider.System"/>). Safe to call more than once. Add a provider with
    /// <see cref="RefineBuilder.AddAuthProvider{TProvider}"/>.
    /// </summary>
    public static RefineBuilder AddRefine(this IServiceCollection services, Action<RefineOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<RefineOptions>();

        // A setting that would make every call fail (a zero timeout, say) stops the app at start with a message naming
        // the fix. Registered once: ValidateOnStart adds a registration on every call.
        if (!services.Any(d => d.ServiceType == typeof(IValidateOptions<RefineOptions>) && d.ImplementationType == typeof(RefineOptionsValidator)))
        {
            services.AddSingleton<IValidateOptions<RefineOptions>, RefineOptionsValidator>();
            services.AddOptions<RefineOptions>().ValidateOnStart();
        }
        if (configure is not null)
        {
            services.Configure(configure);
        }

        // The startup check (RefineSetupValidator): a missing AddBlazor(), token store or provider dependency stops the
        // app at start with the call to add, instead of a generic container error at the first render.
        if (!services.Any(d => d.ServiceType == typeof(RefineSetup)))
        {
            var setup = RefineSetup.For(services);
            services.AddSingleton<IValidateOptions<RefineSetup>>(sp => new RefineSetupValidator(setup, sp.GetRequiredService<IServiceProviderIsService>()));
            services.AddOptions<RefineSetup>().ValidateOnStart();
        }

        // The localizer factory needs an ILoggerFactory; AddLogging is idempotent and keeps the app's own configuration.
        services.AddLogging();
        services.AddLocalization();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddScoped<INavigator, NoOpNavigator>();
        services.TryAddScoped<INotificationService, NoOpNotificationService>();
        services.TryAddScoped<AuthManager>();
        services.TryAddTransient<AuthErrorHandler>();
        return new RefineBuilder(services);
    }
}
