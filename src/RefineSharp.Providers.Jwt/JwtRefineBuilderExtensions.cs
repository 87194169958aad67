using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RefineSharp;
using RefineSharp.Providers.Jwt;
using RefineSharp.Providers.Jwt.Http;
using RefineSharp.Tokens;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the JWT REST API auth provider on a <see cref="RefineBuilder"/>.</summary>
public static class JwtRefineBuilderExtensions
{
    /// <summary>
    /// Uses <see cref="JwtAuthProvider"/> as the auth provider for the API <paramref name="configure"/> describes, with a
    /// scoped single-flight <see cref="TokenRefreshCoordinator"/> refreshing through <see cref="JwtAuthOptions.RefreshEndpoint"/>
    /// and the <see cref="BearerTokenHandler"/> on every client of <c>AddAuthenticatedHttpClient</c>. The options are
    /// validated when the app starts. Keep the tokens on the server with <c>.AddServerSessions()</c> after <c>.AddBlazor()</c>
    /// (required unless <see cref="JwtAuthOptions.RequireServerSessions"/> is false).
    /// </summary>
    public static RefineBuilder AddJwtAuth(this RefineBuilder builder, Action<JwtAuthOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        var services = builder.Services;
        services.AddOptions<JwtAuthOptions>().Configure(configure).ValidateOnStart();
        if (!services.Any(d => d.ServiceType == typeof(IValidateOptions<JwtAuthOptions>) && d.ImplementationType == typeof(JwtAuthOptionsValidator)))
        {
            services.AddSingleton<IValidateOptions<JwtAuthOptions>, JwtAuthOptionsValidator>();
            services.AddSingleton<IValidateOptions<JwtAuthOptions>>(new JwtStartupCheck(services));
        }

        services.AddHttpClient(JwtAuthOptions.HttpClientName);
        services.AddLocalization();
        services.TryAddScoped(sp => new JwtApiClient(
            sp.GetRequiredService<IHttpClientFactory>(),
            sp.GetRequiredService<IOptions<JwtAuthOptions>>(),
            sp,
            sp.GetRequiredService<ILogger<JwtApiClient>>()));
        services.TryAddScoped(sp => new JwtTokenRefresher(
            sp.GetRequiredService<JwtApiClient>(),
            sp.GetRequiredService<ILogger<JwtTokenRefresher>>(),
            sp.GetService<TimeProvider>()));
        services.TryAddScoped(sp => new JwtAuthProvider(
            sp.GetRequiredService<JwtApiClient>(),
            sp.GetRequiredService<TokenRefreshCoordinator>(),
            sp.GetRequiredService<IStringLocalizer<RefineTexts>>(),
            sp.GetRequiredService<ILogger<JwtAuthProvider>>(),
            sp.GetService<TimeProvider>()));
        return builder
            .AddTokenRefresh<JwtTokenRefresher>()
            .AddAuthProvider(sp => sp.GetRequiredService<JwtAuthProvider>());
    }
}
