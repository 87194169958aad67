using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;

namespace RefineSharp.AspNetCore.Security;

/// <summary>The per-response nonce of the Content-Security-Policy that <c>AddRefineSecurityHeaders</c> writes.</summary>
public static class CspNonce
{
    private static readonly object Key = new();

    /// <summary>
    /// This response's CSP nonce, for the one inline script a Blazor page renders:
    /// <c>&lt;ImportMap nonce="@HttpContext.GetRefineCspNonce()" /&gt;</c> in <c>App.razor</c>. <c>null</c> when the
    /// security headers are not added (then the page has no policy to satisfy).
    /// </summary>
    public static string? GetRefineCspNonce(this HttpContext? context) =>
        context?.Items.TryGetValue(Key, out var nonce) == true ? nonce as string : null;

    internal static string Create(HttpContext context)
    {
        // Hex, not base64: '+' and '/' would be HTML-encoded in the attribute and no longer match the header.
        var nonce = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        context.Items[Key] = nonce;
        return nonce;
    }
}
