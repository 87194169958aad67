using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace RefineSharp.AspNetCore.Sessions;

/// <summary>
/// Deletes the session cookie of a request whose session has ended on the server. A logout that runs in a circuit can
/// remove the server entry but cannot touch the browser's cookies; the next request that carries the dead cookie
/// clears it instead.
/// </summary>
internal static class DeadSessionCookie
{
    private static readonly object Marker = new();

    public static void DeleteOnResponse(HttpContext context)
    {
        if (context.Items.ContainsKey(Marker))
        {
            return;
        }

        context.Items[Marker] = Marker;
        context.Response.OnStarting(() =>
        {
            var options = context.RequestServices.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(ServerSessionOptions.Scheme);
            var manager = options.CookieManager;
            // A sign-in in this same request (a login post that carried the dead cookie) already set the new cookie.
            if (!SetsSessionCookie(context, options))
            {
                manager.DeleteCookie(context, options.Cookie.Name!, options.Cookie.Build(context));
            }

            return Task.CompletedTask;
        });
    }

    private static bool SetsSessionCookie(HttpContext context, CookieAuthenticationOptions options)
    {
        var names = new[] { options.Cookie.Name, SessionCookieName(context) };
        foreach (var header in context.Response.Headers.SetCookie)
        {
            if (header is not null && names.Any(n => n is not null && header.StartsWith(n + "=", StringComparison.Ordinal)))
            {
                return true;
            }
        }

        return false;
    }

    private static string SessionCookieName(HttpContext context)
    {
        var session = context.RequestServices.GetRequiredService<IOptions<ServerSessionOptions>>().Value;
        return context.Request.IsHttps ? session.CookieName : session.InsecureCookieName;
    }
}
