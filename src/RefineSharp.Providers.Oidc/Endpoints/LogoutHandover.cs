using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Options;

namespace RefineSharp.Providers.Oidc.Endpoints;

/// <summary>
/// Hands the ID token (the identity provider's logout hint) from the logout, which ends the local session in the
/// circuit, to the page load that then sends the browser to the identity provider. The browser carries only a random,
/// single-use handle that expires in minutes and grants nothing but finishing that logout; the token stays in the
/// server's cache, encrypted with data protection.
/// </summary>
internal sealed class LogoutHandover(IDistributedCache cache, IDataProtectionProvider dataProtection, IOptions<OidcAuthOptions> options)
{
    private const string Prefix = "refine:oidc:logout:";
    private readonly IDataProtector _protector = dataProtection.CreateProtector("RefineSharp.Providers.Oidc.Logout.v1");

    public async Task<string> StoreAsync(string provider, string idToken, CancellationToken cancellationToken)
    {
        var handle = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        var payload = _protector.Protect(JsonSerializer.SerializeToUtf8Bytes(new Entry(provider, idToken)));
        await cache.SetAsync(Prefix + Hash(handle), payload, new DistributedCacheEntryOptions
        {
            AbsoluteExpirationRelativeToNow = options.Value.LogoutHandoverLifetime,
        }, cancellationToken);
        return handle;
    }

    /// <summary>Reads and removes the entry (single use); null when unknown, expired, used or not ours.</summary>
    public async Task<Entry?> TakeAsync(string? handle, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(handle) || handle.Length > 100)
        {
            return null;
        }

        var key = Prefix + Hash(handle);
        var payload = await cache.GetAsync(key, cancellationToken);
        if (payload is null)
        {
            return null;
        }

        await cache.RemoveAsync(key, cancellationToken);
        try
        {
            return JsonSerializer.Deserialize<Entry>(_protector.Unprotect(payload));
        }
        catch (Exception ex) when (ex is CryptographicException or JsonException)
        {
            return null;
        }
    }

    // The cache key is a hash of the handle, so reading the cache does not reveal usable handles.
    private static string Hash(string handle) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(handle)));

    internal sealed record Entry(string Provider, string IdToken);
}
