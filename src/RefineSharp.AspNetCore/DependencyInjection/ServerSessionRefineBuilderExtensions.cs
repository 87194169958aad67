using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using RefineSharp;
using RefineSharp.AspNetCore.Sessions;
using RefineSharp.Blazor;
using RefineSharp.Tokens;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds RefineSharp's server-side sessions to a <see cref="RefineBuilder"/>.</summary>
public static class ServerSessionRefineBuilderExtensions
{
    /// <summary>
    /// Keeps the provider's tokens on the server: an HttpOnly, SameSite=Lax session cookie (Secure over HTTPS) holds
    /// only a random key, and the session (tokens included) lives in the registered <c>IDistributedCache</c>
    /// (in memory unless the app registers another, such as Redis), encrypted with data protection. Replaces any other
    /// <see cref="ITokenStore"/>, makes the session cookie the default authentication scheme for pages (requests with an Authorization
    /// header keep the app's default), and lets the
    /// engine answer during prerendering. Call after <c>AddBlazor()</c>. WebApplication runs authentication before the app's
    /// own middleware; an app that calls <c>app.UseAuthentication()</c> itself must do so before its pages and APIs.
    /// </summary>
    public static RefineBuilder AddServerSessions(this RefineBuilder builder, Action<ServerSessionOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        var options = services.AddOptions<ServerSessionOptions>().ValidateDataAnnotations().ValidateOnStart();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        if (services.Any(d => d.ServiceType == typeof(SessionLocks)))
        {
            return builder;
        }

        services.AddHttpContextAccessor();
        services.AddDistributedMemoryCache();
        services.AddDataProtection();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<SessionLocks>();
        // Cross-instance refresh lock: on the Redis of the sessions when there is one (chosen when first needed).
        services.AddOptions<RedisSessionLockOptions>();
        services.TryAddSingleton<IDistributedSessionLock>(DistributedSessionLocks.Create);
        services.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter, FlashNotifications>();
        services.TryAddSingleton<DistributedCacheTicketStore>();
        services.TryAddSingleton<ITicketStore>(sp => sp.GetRequiredService<DistributedCacheTicketStore>());
        services.TryAddScoped<SessionUser>();
        services.TryAddScoped<ServerSessionTokenStore>();
        services.Replace(ServiceDescriptor.Scoped<ITokenStore>(sp => sp.GetRequiredService<ServerSessionTokenStore>()));
        services.Replace(ServiceDescriptor.Scoped<ICrossContextLock, SessionRefreshLock>());

        // The claims bridge stays the source of the authentication state; the wrapper only takes the host's principal.
        services.TryAddScoped(sp => new SessionAuthenticationStateProvider(
            sp.GetRequiredService<RefineAuthenticationStateProvider>(),
            sp.GetRequiredService<SessionUser>()));
        services.Replace(ServiceDescriptor.Scoped<AuthenticationStateProvider>(sp => sp.GetRequiredService<SessionAuthenticationStateProvider>()));

        // Pages and circuits must see the session's user, so the default scheme becomes a selector: requests that carry
        // an Authorization header (API calls with bearer tokens) keep the app's own default scheme, everything else
        // uses the session cookie.
        var appDefault = new AppDefaultScheme();
        services.AddAuthentication()
            .AddCookie(ServerSessionOptions.Scheme)
            .AddPolicyScheme(ServerSessionOptions.SelectorScheme, displayName: null, o => o.ForwardDefaultSelector = context =>
                context.Request.Headers.Authorization.Count > 0 && appDefault.Name is { } name ? name : ServerSessionOptions.Scheme);
        services.AddOptions<CookieAuthenticationOptions>(ServerSessionOptions.Scheme)
            .Configure<ITicketStore, IOptions<ServerSessionOptions>, IOptions<RefineBlazorOptions>>((cookie, store, session, blazor) =>
                ConfigureCookie(cookie, store, session.Value, blazor.Value));
        services.PostConfigure<AuthenticationOptions>(o =>
        {
            if (o.DefaultScheme is { } name && name != ServerSessionOptions.SelectorScheme)
            {
                appDefault.Name = name;
            }

            o.DefaultScheme = ServerSessionOptions.SelectorScheme;
        });
        services.Configure<RefineBlazorOptions>(o => o.ResolveDuringPrerender = true);
        services.PostConfigure<RefineBlazorOptions>(o =>
        {
            // The sign-in pages are static server-rendered forms (they sign in within the post's response).
            o.FullPageLoadPaths.Add(o.LoginPath);
            o.FullPageLoadPaths.Add(o.RegisterPath);
            o.FullPageLoadPaths.Add(o.ForgotPasswordPath);
        });
        return builder;
    }

    private static void ConfigureCookie(CookieAuthenticationOptions cookie, ITicketStore store, ServerSessionOptions session, RefineBlazorOptions blazor)
    {
        cookie.SessionStore = store;
        cookie.Cookie.Name = session.CookieName;
        cookie.CookieManager = new SessionCookieManager(session);
        cookie.Cookie.HttpOnly = true;
        cookie.Cookie.SameSite = SameSiteMode.Lax;
        cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        cookie.Cookie.IsEssential = true;
        cookie.Cookie.Path = "/";
        cookie.ExpireTimeSpan = session.IdleTimeout;
        cookie.SlidingExpiration = true;
        // No LoginPath: the cookie handler would otherwise follow the login page's ?to= itself after a sign-in,
        // bypassing the engine's redirect rule (and failing on non-ASCII). Challenges build their own login URL.
        cookie.LoginPath = PathString.Empty;
        cookie.Events.OnRedirectToLogin = context => RedirectOrStatus(context, StatusCodes.Status401Unauthorized, LoginUri(context, blazor.LoginPath));
        cookie.Events.OnRedirectToAccessDenied = context => RedirectOrStatus(context, StatusCodes.Status403Forbidden, redirectUri: null);
    }

    /// <summary>The app's default scheme before the session selector took its place.</summary>
    private sealed class AppDefaultScheme
    {
        public string? Name { get; set; }
    }

    // Browsers asking for a page go to the login page with the page as ?to=; fetches and API calls get a status code.
    private static Task RedirectOrStatus(RedirectContext<CookieAuthenticationOptions> context, int status, string? redirectUri)
    {
        var accept = context.Request.Headers.Accept.ToString();
        if (redirectUri is not null && context.Request.Method == HttpMethods.Get && accept.Contains("text/html", StringComparison.OrdinalIgnoreCase))
        {
            context.Response.Redirect(redirectUri);
        }
        else
        {
            context.Response.StatusCode = status;
        }

        return Task.CompletedTask;
    }

    private static string LoginUri(RedirectContext<CookieAuthenticationOptions> context, string loginPath)
    {
        var request = context.Request;
        var current = request.Path + request.QueryString;
        var login = request.PathBase + (LocalRedirect.IsLocal(loginPath) ? loginPath : "/login");
        return LocalRedirect.IsLocal(current.ToString()) ? login + QueryString.Create("to", current.ToString()) : login;
    }
}
