using Microsoft.AspNetCore.Http;

namespace RefineSharp.AspNetCore.Endpoints;

/// <summary>
/// The CSRF rule of every cookie-authenticated endpoint a WebAssembly client calls (the session endpoints and the API
/// proxy): the custom header must be present (a cross-site form, image or simple fetch cannot set it without a CORS
/// preflight, which this app does not grant) and the browser must not report a cross-site or same-site-but-other-origin
/// request (Sec-Fetch-Site). The SameSite=Lax session cookie is the third layer.
/// </summary>
internal static class SameSiteScriptRequest
{
    /// <summary>True when <paramref name="request"/> carries the custom header and is not reported as cross-origin.</summary>
    public static bool IsAllowed(HttpRequest request, string header)
    {
        var site = request.Headers["Sec-Fetch-Site"].ToString();
        return request.Headers.ContainsKey(header) && site is ("" or "same-origin" or "none");
    }
}
