using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using RefineSharp.Blazor;

namespace RefineSharp.AspNetCore.Sessions;

/// <summary>
/// Carries refine's notifications across the redirect that ends a static form post (for example "reset link sent",
/// then the login page): when a response redirects while notifications are open, they travel in a short-lived,
/// HttpOnly, data-protected cookie and are shown by the next page. Nothing else is in it.
/// </summary>
internal sealed class FlashNotifications(IDataProtectionProvider dataProtection) : IStartupFilter
{
    private const string CookieName = ".refine.flash";
    private readonly IDataProtector _protector = dataProtection.CreateProtector("RefineSharp.AspNetCore.Flash.v1");

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (context, nextMiddleware) =>
        {
            var store = context.RequestServices.GetService<RefineNotificationStore>();
            if (store is not null)
            {
                Restore(context, store);
                context.Response.OnStarting(() =>
                {
                    Keep(context, store);
                    return Task.CompletedTask;
                });
            }

            await nextMiddleware(context);
        });
        next(app);
    };

    private void Restore(HttpContext context, RefineNotificationStore store)
    {
        if (!context.Request.Cookies.TryGetValue(CookieName, out var raw))
        {
            return;
        }

        context.Response.Cookies.Delete(CookieName, new CookieOptions { Path = "/" });
        try
        {
            var json = Encoding.UTF8.GetString(_protector.Unprotect(Convert.FromBase64String(raw)));
            foreach (var notification in JsonSerializer.Deserialize<AuthNotification[]>(json) ?? [])
            {
                store.Open(notification);
            }
        }
        catch (Exception ex) when (ex is FormatException or System.Security.Cryptography.CryptographicException or JsonException)
        {
            // A cookie we did not write (or from another key ring): ignored, never shown.
        }
    }

    private void Keep(HttpContext context, RefineNotificationStore store)
    {
        if (context.Response.StatusCode is < 300 or >= 400 || store.Current.Count == 0)
        {
            return;
        }

        var json = JsonSerializer.SerializeToUtf8Bytes(store.Current.ToArray());
        context.Response.Cookies.Append(CookieName, Convert.ToBase64String(_protector.Protect(json)), new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Lax,
            Secure = context.Request.IsHttps,
            Path = "/",
            MaxAge = TimeSpan.FromMinutes(1),
            IsEssential = true,
        });
    }
}
