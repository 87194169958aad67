using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;
using RefineSharp;
using RefineSharp.Providers.AspNetIdentity;
using RefineSharp.Providers.AspNetIdentity.Http;
using RefineSharp.Tokens;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the ASP.NET Core Identity auth provider on a <see cref="RefineBuilder"/>.</summary>
public static class AspNetIdentityRefineBuilderExtensions
{
    /// <summary>
    /// Uses <see cref="AspNetIdentityAuthProvider"/> as the auth provider, with a scoped <see cref="TokenRefreshCoordinator"/>
    /// refreshing through /refresh, a <see cref="MemoryTokenStore"/> unless another <see cref="ITokenStore"/> is registered,
    /// and the <see cref="BearerTokenHandler"/> on every client of <c>AddAuthenticatedHttpClient</c>.
    /// </summary>
    public static RefineBuilder AddAspNetIdentityAuth(this RefineBuilder builder, Action<AspNetIdentityAuthOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        var services = builder.Services;
        services.Configure(configure);
        services.AddHttpClient(AspNetIdentityAuthOptions.HttpClientName);
        services.AddLocalization();
        services.TryAddScoped<IdentityApiClient>();
        services.TryAddScoped(sp => new AspNetIdentityAuthProvider(
            sp.GetRequiredService<IdentityApiClient>(),
            sp.GetRequiredService<TokenRefreshCoordinator>(),
            sp.GetRequiredService<IStringLocalizer<AspNetIdentityTexts>>(),
            sp.GetRequiredService<INotificationService>(),
            sp.GetService<TimeProvider>(),
            sp.GetService<ILogger<AspNetIdentityAuthProvider>>()));
        return builder
            .AddTokenRefresh<AspNetIdentityTokenRefresher>()
            .AddAuthProvider(sp => sp.GetRequiredService<AspNetIdentityAuthProvider>());
    }

    /// <summary>
    /// Registers <see cref="DataProtectionTokenProtector"/> as the <see cref="ITokenProtector"/> (and Data Protection itself),
    /// for server-rendered apps that keep tokens in browser storage.
    /// </summary>
    public static RefineBuilder AddDataProtectionTokenProtector(this RefineBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddDataProtection();
        builder.Services.TryAddSingleton<ITokenProtector, DataProtectionTokenProtector>();
        return builder;
    }
}
