using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OpenIddict.Client;
using OpenIddict.Client.AspNetCore;
using RefineSharp;
using RefineSharp.Blazor;
using RefineSharp.Providers.Oidc;
using RefineSharp.Providers.Oidc.Endpoints;
using RefineSharp.Providers.Oidc.Navigation;
using RefineSharp.Providers.Oidc.Tokens;
using RefineSharp.Tokens;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the OpenID Connect auth provider on a <see cref="RefineBuilder"/>.</summary>
public static class OidcRefineBuilderExtensions
{
    /// <summary>
    /// Uses <see cref="OidcAuthProvider"/>: OpenIddict's client for the code flow with PKCE (state and nonce checked,
    /// no token storage of its own: the tokens go into RefineSharp's server-side session), a single-flight refresh
    /// through the token endpoint, and the provider's endpoints (map them with <c>app.MapRefineOidc()</c>). Call after
    /// <c>AddBlazor()</c> and <c>AddServerSessions()</c>. The options are validated when the app starts.
    /// </summary>
    public static RefineBuilder AddOidcAuth(this RefineBuilder builder, Action<OidcAuthOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        var services = builder.Services;
        if (!services.Any(d => d.ServiceType == typeof(Microsoft.AspNetCore.Authentication.Cookies.ITicketStore)))
        {
            throw new InvalidOperationException("AddOidcAuth keeps the tokens in the server-side session: call AddBlazor().AddServerSessions() before it.");
        }

        services.AddOptions<OidcAuthOptions>().Configure(configure).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<OidcAuthOptions>, OidcAuthOptionsValidator>());
        services.AddLocalization();
        services.AddHttpContextAccessor();
        services.TryAddSingleton<OidcProviderLookup>();
        services.TryAddSingleton<LogoutHandover>();
        services.TryAddScoped<OidcFlow>();
        services.TryAddSingleton<AvailabilityProbe>();
        services.AddHttpClient(AvailabilityProbe.ClientName);
        services.TryAddScoped<RedirectLatch>();
        DecorateNavigator(services);

        services.AddOpenIddict().AddClient(o =>
        {
            o.AllowAuthorizationCodeFlow().AllowRefreshTokenFlow();
            // The state token protects the round trip; it is encrypted and signed with the app's data-protection key
            // ring (shared by every instance), and the ephemeral keys are only the builder's required fallback.
            o.AddEphemeralEncryptionKey().AddEphemeralSigningKey();
            o.UseDataProtection();
            // OpenIddict keeps nothing in a database of its own: the tokens live in the server-side session.
            o.DisableTokenStorage();
            o.UseAspNetCore()
                .EnableRedirectionEndpointPassthrough()
                .EnablePostLogoutRedirectionEndpointPassthrough()
                .EnableErrorPassthrough();
            o.UseSystemNetHttp();
            // An ID token that expired before it arrived is refused by OpenIddict's own expiry check (see the handler).
            o.AddEventHandler(IdentityTokenLifetime.Descriptor);
        });
        services.AddOptions<OpenIddictClientOptions>().Configure<IOptions<OidcAuthOptions>>((client, oidc) => Register(client, oidc.Value));
        services.AddOptions<OpenIddictClientAspNetCoreOptions>().Configure<IOptions<OidcAuthOptions>>((aspNet, oidc) =>
            aspNet.DisableTransportSecurityRequirement = !oidc.Value.RequireHttps);

        // The start and logout endpoints are not Blazor pages: the engine reaches them with a full page load.
        services.AddOptions<RefineBlazorOptions>().PostConfigure<IOptions<OidcAuthOptions>>((blazor, oidc) =>
        {
            blazor.FullPageLoadPaths.Add(OidcPaths.Start(oidc.Value));
            blazor.FullPageLoadPaths.Add(OidcPaths.Logout(oidc.Value));
        });

        services.TryAddScoped(sp => new OidcAuthProvider(
            sp.GetRequiredService<OidcProviderLookup>(),
            sp.GetRequiredService<TokenRefreshCoordinator>(),
            sp.GetRequiredService<LatchedNavigator>(),
            sp.GetRequiredService<LogoutHandover>(),
            sp.GetRequiredService<IOptions<RefineOptions>>(),
            sp.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<OidcTexts>>()));
        return builder
            .AddTokenRefresh<OidcTokenRefresher>()
            .AddAuthProvider(sp => sp.GetRequiredService<OidcAuthProvider>());
    }

    private static void Register(OpenIddictClientOptions client, OidcAuthOptions oidc)
    {
        foreach (var provider in oidc.Providers)
        {
            if (provider.Authority is null || string.IsNullOrWhiteSpace(provider.ClientId))
            {
                // Reported by OidcAuthOptionsValidator at start, with the setting's name.
                continue;
            }

            var registration = new OpenIddictClientRegistration
            {
                Issuer = provider.Authority,
                ProviderName = provider.Name,
                ProviderDisplayName = provider.ShownName,
                ClientId = provider.ClientId,
                ClientSecret = provider.ClientSecret,
                RedirectUri = new Uri(OidcPaths.Callback(oidc, provider.Name).TrimStart('/'), UriKind.Relative),
                PostLogoutRedirectUri = new Uri(OidcPaths.SignedOut(oidc, provider.Name).TrimStart('/'), UriKind.Relative),
            };
            foreach (var scope in provider.Scopes)
            {
                registration.Scopes.Add(scope);
            }

            // OpenIddict checks an ID token's expiry itself, allowing this much difference between the two clocks.
            registration.TokenValidationParameters.ClockSkew = provider.ClockSkew;

            client.Registrations.Add(registration);
            client.RedirectionEndpointUris.Add(registration.RedirectUri);
            client.PostLogoutRedirectionEndpointUris.Add(registration.PostLogoutRedirectUri);
        }
    }

    // Wraps the navigator AddBlazor registered, so a login that has sent the browser away mutes the engine's own navigation.
    private static void DecorateNavigator(IServiceCollection services)
    {
        var existing = services.LastOrDefault(d => d.ServiceType == typeof(INavigator))
            ?? throw new InvalidOperationException("AddOidcAuth needs the app's navigator: call AddBlazor() before it.");
        if (existing.ImplementationType == typeof(LatchedNavigator))
        {
            return;
        }

        services.TryAddScoped(sp => new LatchedNavigator(Create(sp, existing), sp.GetRequiredService<RedirectLatch>()));
        services.Replace(ServiceDescriptor.Scoped<INavigator>(sp => sp.GetRequiredService<LatchedNavigator>()));
    }

    private static INavigator Create(IServiceProvider sp, ServiceDescriptor descriptor) =>
        descriptor.ImplementationFactory is { } factory ? (INavigator)factory(sp)
        : descriptor.ImplementationInstance is INavigator instance ? instance
        : (INavigator)ActivatorUtilities.CreateInstance(sp, descriptor.ImplementationType!);
}
