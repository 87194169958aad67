using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace RefineSharp.AspNetCore.Sessions;

/// <summary>
/// Keeps session cookies' tickets (the principal and the provider's tokens) in an <see cref="IDistributedCache"/>,
/// encrypted with data protection, so the cookie carries only a random key. Deleting the entry ends the session on
/// every instance that shares the cache. A cache that cannot be reached fails closed: reading counts as signed out,
/// writing (a sign-in) throws.
/// </summary>
public sealed class DistributedCacheTicketStore : ITicketStore
{
    private const string ProtectorPurpose = "RefineSharp.AspNetCore.Sessions.Ticket.v1";

    private readonly IDistributedCache _cache;
    private readonly IDataProtector _protector;
    private readonly ServerSessionOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    /// <summary>Creates the store over <paramref name="cache"/>, protecting tickets with <paramref name="dataProtection"/>.</summary>
    public DistributedCacheTicketStore(
        IDistributedCache cache,
        IDataProtectionProvider dataProtection,
        IOptions<ServerSessionOptions> options,
        TimeProvider? timeProvider = null,
        ILogger<DistributedCacheTicketStore>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(cache);
        ArgumentNullException.ThrowIfNull(dataProtection);
        ArgumentNullException.ThrowIfNull(options);
        _cache = cache;
        _protector = dataProtection.CreateProtector(ProtectorPurpose);
        _options = options.Value;
        _time = timeProvider ?? TimeProvider.System;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <summary>Stores a new session and returns its key (the ticket's <see cref="SessionClaims.SessionId"/>, created when missing).</summary>
    public Task<string> StoreAsync(AuthenticationTicket ticket) => StoreAsync(ticket, CancellationToken.None);

    /// <summary>Stores a new session and returns its key (the ticket's <see cref="SessionClaims.SessionId"/>, created when missing).</summary>
    public async Task<string> StoreAsync(AuthenticationTicket ticket, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        var key = SessionClaims.SessionKey(ticket.Principal);
        if (key is null)
        {
            key = NewKey();
            if (ticket.Principal.Identity is ClaimsIdentity identity)
            {
                identity.AddClaim(new Claim(SessionClaims.SessionId, key));
            }
        }

        await WriteAsync(key, ticket, cancellationToken);
        SessionLog.Stored(_logger);
        return key;
    }

    /// <summary>Replaces the ticket of session <paramref name="key"/> (a sliding renewal, or new tokens).</summary>
    public Task RenewAsync(string key, AuthenticationTicket ticket) => RenewAsync(key, ticket, CancellationToken.None);

    /// <summary>Replaces the ticket of session <paramref name="key"/> (a sliding renewal, or new tokens).</summary>
    public Task RenewAsync(string key, AuthenticationTicket ticket, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentNullException.ThrowIfNull(ticket);
        return WriteAsync(key, ticket, cancellationToken);
    }

    /// <summary>The ticket of session <paramref name="key"/>; null when it ended, expired, was tampered with or the cache cannot be reached.</summary>
    public Task<AuthenticationTicket?> RetrieveAsync(string key) => RetrieveAsync(key, CancellationToken.None);

    /// <summary>The ticket of session <paramref name="key"/>; null when it ended, expired, was tampered with or the cache cannot be reached.</summary>
    public async Task<AuthenticationTicket?> RetrieveAsync(string key, CancellationToken cancellationToken) =>
        (await ReadAsync(key, cancellationToken)).Ticket;

    /// <summary>
    /// The ticket of session <paramref name="key"/>, as the cookie handler asks for it. When the session has certainly
    /// ended (no entry, expired or unreadable; not when the cache cannot be reached), the response also deletes the
    /// now useless cookie, so a browser does not keep sending a dead session after a logout that ran in a circuit.
    /// </summary>
    public async Task<AuthenticationTicket?> RetrieveAsync(string key, HttpContext httpContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var read = await ReadAsync(key, cancellationToken);
        if (read.Ended)
        {
            DeadSessionCookie.DeleteOnResponse(httpContext);
        }

        return read.Ticket;
    }

    private async Task<(AuthenticationTicket? Ticket, bool Ended)> ReadAsync(string key, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(key))
        {
            return (null, true);
        }

        byte[]? bytes;
        try
        {
            bytes = await _cache.GetAsync(CacheKey(key), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Fail closed: a session that cannot be read is no session (it comes back when the cache does, so its
            // cookie is kept).
            SessionLog.ReadFailed(_logger, ex);
            return (null, false);
        }

        if (bytes is null)
        {
            return (null, true);
        }

        try
        {
            var ticket = TicketSerializer.Default.Deserialize(_protector.Unprotect(bytes));
            if (ticket is null || SessionClaims.SessionKey(ticket.Principal) != key || IsExpired(ticket))
            {
                return (null, true);
            }

            return (ticket, false);
        }
        catch (CryptographicException ex)
        {
            SessionLog.Unreadable(_logger, ex);
            return (null, true);
        }
    }

    /// <summary>Ends session <paramref name="key"/> on every instance that shares the cache.</summary>
    public Task RemoveAsync(string key) => RemoveAsync(key, CancellationToken.None);

    /// <summary>Ends session <paramref name="key"/> on every instance that shares the cache.</summary>
    public async Task RemoveAsync(string key, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(key))
        {
            return;
        }

        await _cache.RemoveAsync(CacheKey(key), cancellationToken);
        SessionLog.Removed(_logger);
    }

    private async Task WriteAsync(string key, AuthenticationTicket ticket, CancellationToken cancellationToken)
    {
        var bytes = _protector.Protect(TicketSerializer.Default.Serialize(ticket));
        var expires = ticket.Properties.ExpiresUtc ?? _time.GetUtcNow().Add(_options.IdleTimeout);
        await _cache.SetAsync(CacheKey(key), bytes, new DistributedCacheEntryOptions { AbsoluteExpiration = expires }, cancellationToken);
    }

    private bool IsExpired(AuthenticationTicket ticket) =>
        ticket.Properties.ExpiresUtc is { } expires && expires <= _time.GetUtcNow();

    private string CacheKey(string key) => _options.CacheKeyPrefix + key;

    private static string NewKey() => WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));

    /// <summary>A new random session key: 256 bits from the OS's CSPRNG, base64url.</summary>
    internal static string CreateKey() => NewKey();
}
