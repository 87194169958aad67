using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;

namespace RefineSharp.AspNetCore.Sessions;

/// <summary>
/// Names the session cookie per request: <see cref="ServerSessionOptions.CookieName"/> ("__Host-" prefixed) over
/// HTTPS, where browsers then guarantee it is Secure, host-only and for "/"; <see cref="ServerSessionOptions.InsecureCookieName"/>
/// over plain HTTP (a development loopback), where browsers would drop a "__Host-" cookie.
/// </summary>
internal sealed class SessionCookieManager(ServerSessionOptions options) : ICookieManager
{
    private readonly ChunkingCookieManager _inner = new();

    public string? GetRequestCookie(HttpContext context, string key) => _inner.GetRequestCookie(context, Name(context));

    public void AppendResponseCookie(HttpContext context, string key, string? value, CookieOptions options) =>
        _inner.AppendResponseCookie(context, Name(context), value, options);

    public void DeleteCookie(HttpContext context, string key, CookieOptions options) =>
        _inner.DeleteCookie(context, Name(context), options);

    private string Name(HttpContext context) => context.Request.IsHttps ? options.CookieName : options.InsecureCookieName;
}
