using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using RefineSharp;
using RefineSharp.Tokens;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the token infrastructure shared by token-based providers.</summary>
public static class TokenRefreshBuilderExtensions
{
    /// <summary>
    /// Adds a scoped <see cref="TokenRefreshCoordinator"/> over <typeparamref name="TRefresher"/>, a
    /// <see cref="MemoryTokenStore"/> unless an <see cref="ITokenStore"/> is already registered, and the
    /// <see cref="BearerTokenHandler"/> for authenticated HTTP clients (it sends the token only to the client's BaseAddress
    /// origin and to <see cref="BearerTokenHandlerOptions.AllowedOrigins"/>). A failed refresh logs the user out once, through the
    /// <see cref="AuthManager"/> of the same scope. The options are validated when the app starts.
    /// </summary>
    public static RefineBuilder AddTokenRefresh<TRefresher>(this RefineBuilder builder, Action<TokenRefreshOptions>? configure = null)
        where TRefresher : class, ITokenRefresher
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        // Invalid options (a zero timeout fails every refresh) stop the app at start with a message naming the option.
        services.AddOptions<TokenRefreshOptions>().ValidateOnStart();
        services.AddOptions<BearerTokenHandlerOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TokenRefreshOptions>, TokenRefreshOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<BearerTokenHandlerOptions>, BearerTokenHandlerOptionsValidator>());
        if (configure is not null)
        {
            services.Configure(configure);
        }

        services.TryAddScoped<ITokenStore, MemoryTokenStore>();
        services.TryAddScoped<TRefresher>();
        services.Replace(ServiceDescriptor.Scoped<ITokenRefresher>(sp => sp.GetRequiredService<TRefresher>()));
        TokenCoordinatorRegistration.Add(services);
        return builder.AddHttpHandler<BearerTokenHandler>();
    }
}
