using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using RefineSharp.Tokens;

namespace RefineSharp.AspNetCore.Sessions;

/// <summary>
/// The <see cref="ITokenStore"/> of hosted apps: a provider's tokens live in the server-side session ticket (see
/// <see cref="DistributedCacheTicketStore"/>), never in the browser. Storing tokens with no session signs in (issues
/// the HttpOnly session cookie), which needs an HTTP request whose response has not started: a form post or the
/// session endpoints. Clearing ends the session in the store, so the cookie is refused everywhere from then on.
/// </summary>
internal sealed class ServerSessionTokenStore : ITokenStore
{
    private readonly SessionUser _user;
    private readonly ITicketStore _tickets;
    private readonly SessionLocks _locks;
    private readonly ServerSessionOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private TokenSet? _signedInNow;
    private string? _signedInKey;
    private bool _ended;

    // Inside one HTTP request the session is read once: a page's prerender asks for the tokens for every check,
    // identity and permissions load (nine reads on the demo's dashboard), and with Redis each read was a network round
    // trip. Every write of this scope drops it. A circuit reads the store every time, so a logout in another tab or on
    // another instance is seen at its next read; a request sees the session as it was when the request first read it.
    private RequestRead? _requestRead;

    // Bumped by ForgetRequestRead (after every write of this scope): a read that started before it may have seen the
    // session before the write, and is not kept.
    private int _writeVersion;

    public ServerSessionTokenStore(
        SessionUser user,
        ITicketStore tickets,
        SessionLocks locks,
        IOptions<ServerSessionOptions> options,
        TimeProvider? timeProvider = null,
        ILogger<ServerSessionTokenStore>? logger = null)
    {
        _user = user;
        _tickets = tickets;
        _locks = locks;
        _options = options.Value;
        _time = timeProvider ?? TimeProvider.System;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <summary>The key of this scope's session, or null when signed out.</summary>
    public async ValueTask<string?> GetSessionKeyAsync(CancellationToken cancellationToken = default)
    {
        if (_ended)
        {
            return null;
        }

        return _signedInKey ?? SessionClaims.SessionKey(await _user.GetPrincipalAsync(cancellationToken));
    }

    public async ValueTask<TokenSet?> GetAsync(CancellationToken cancellationToken = default)
    {
        if (_signedInNow is not null && !_ended)
        {
            return _signedInNow;
        }

        if (_requestRead is { } read)
        {
            return read.Tokens;
        }

        var versionBefore = Volatile.Read(ref _writeVersion);
        var tokens = await GetSessionKeyAsync(cancellationToken) is { } key && await _tickets.RetrieveAsync(key, cancellationToken) is { } ticket
            ? SessionTokens.Read(ticket.Properties)
            : null;
        if (_user.ServesRequest && Volatile.Read(ref _writeVersion) == versionBefore)
        {
            _requestRead = new RequestRead(tokens);
        }

        return tokens;
    }

    /// <summary>
    /// Drops what this request read, so the next read goes to the store, and keeps no read still running. Called after
    /// every write of this scope (a read may have seen the session before the write), and by the refresh lock once held
    /// (the coordinator reads again inside the lock to find tokens another request or instance renewed meanwhile).
    /// </summary>
    public void ForgetRequestRead()
    {
        Interlocked.Increment(ref _writeVersion);
        _requestRead = null;
    }

    public async ValueTask SetAsync(TokenSet tokens, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        try
        {
            if (await GetSessionKeyAsync(cancellationToken) is { } key)
            {
                using (await _locks.AcquireAsync(key, cancellationToken))
                {
                    if (await _tickets.RetrieveAsync(key, cancellationToken) is { } ticket)
                    {
                        await WriteTokensAsync(key, ticket, tokens, cancellationToken);
                        return;
                    }
                }
            }

            await SignInAsync(tokens);
        }
        finally
        {
            ForgetRequestRead();
        }
    }

    public async ValueTask<bool> ReplaceAsync(TokenSet expected, TokenSet replacement, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(replacement);
        try
        {
            // A logout in another tab (which removes the ticket) or another circuit's refresh is seen here, and the
            // renewed tokens are then dropped instead of reviving the session.
            return await WhileHoldingAsync(expected, (key, ticket) => WriteTokensAsync(key, ticket, replacement, cancellationToken), cancellationToken);
        }
        finally
        {
            ForgetRequestRead();
        }
    }

    public async ValueTask<bool> ClearIfAsync(TokenSet expected, CancellationToken cancellationToken = default)
    {
        try
        {
            return await ClearIfHoldingAsync(expected, cancellationToken);
        }
        finally
        {
            ForgetRequestRead();
        }
    }

    private async Task<bool> ClearIfHoldingAsync(TokenSet expected, CancellationToken cancellationToken)
    {
        if (!await WhileHoldingAsync(expected, (key, _) => _tickets.RemoveAsync(key, CancellationToken.None), cancellationToken))
        {
            return false;
        }

        _ended = true;
        _signedInNow = null;
        _signedInKey = null;
        return true;
    }

    // Compare-and-act under the session's lock (one writer per session in this process): runs the action only while
    // the session still holds tokens with expected's access token.
    private async Task<bool> WhileHoldingAsync(TokenSet expected, Func<string, AuthenticationTicket, Task> action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(expected);
        if (await GetSessionKeyAsync(cancellationToken) is not { } key)
        {
            return false;
        }

        using (await _locks.AcquireAsync(key, cancellationToken))
        {
            if (await _tickets.RetrieveAsync(key, cancellationToken) is not { } ticket
                || !SessionTokens.SameAccessToken(SessionTokens.Read(ticket.Properties), expected))
            {
                return false;
            }

            await action(key, ticket);
            return true;
        }
    }

    public async ValueTask ClearAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            await ClearSessionAsync(cancellationToken);
        }
        finally
        {
            ForgetRequestRead();
        }
    }

    private async Task ClearSessionAsync(CancellationToken cancellationToken)
    {
        var key = await GetSessionKeyAsync(cancellationToken);
        _ended = true;
        _signedInNow = null;
        _signedInKey = null;
        if (key is not null)
        {
            using (await _locks.AcquireAsync(key, CancellationToken.None))
            {
                await _tickets.RemoveAsync(key, CancellationToken.None);
            }
        }

        // Inside an HTTP request the cookie goes too; in a circuit it stays behind but points at nothing.
        if (_user.WritableHttpContext is { } http)
        {
            await http.SignOutAsync(ServerSessionOptions.Scheme);
        }
    }

    private async Task WriteTokensAsync(string key, AuthenticationTicket ticket, TokenSet tokens, CancellationToken cancellationToken)
    {
        SessionTokens.Write(ticket.Properties, tokens);
        await _tickets.RenewAsync(key, ticket, cancellationToken);
        if (_signedInKey == key)
        {
            _signedInNow = tokens;
        }
    }

    private async Task SignInAsync(TokenSet tokens)
    {
        if (_user.WritableHttpContext is not { } http)
        {
            SessionLog.SignInNeedsHttp(_logger);
            throw new InvalidOperationException(
                "Signing in needs an HTTP request: with server-side sessions the login form posts to the server " +
                "(a static server-rendered page or the session endpoints), it cannot sign in from an interactive circuit.");
        }

        var persistent = RememberMeRequested(http);
        var key = DistributedCacheTicketStore.CreateKey();
        var identity = new ClaimsIdentity([new Claim(SessionClaims.SessionId, key)], ServerSessionOptions.Scheme);
        var properties = new AuthenticationProperties
        {
            IsPersistent = persistent,
            IssuedUtc = _time.GetUtcNow(),
            ExpiresUtc = _time.GetUtcNow().Add(persistent ? _options.RememberMeLifetime : _options.IdleTimeout),
            AllowRefresh = true,
        };
        SessionTokens.Write(properties, tokens);
        try
        {
            await http.SignInAsync(ServerSessionOptions.Scheme, new ClaimsPrincipal(identity), properties);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            SessionLog.WriteFailed(_logger, ex);
            throw new InvalidOperationException("The session store is unavailable; the sign-in was refused.", ex);
        }

        _ended = false;
        _signedInKey = key;
        _signedInNow = tokens;
        SessionLog.SignedIn(_logger, persistent);
    }

    private bool RememberMeRequested(HttpContext http)
    {
        if (http.Items.TryGetValue(SessionSignIn.RememberMeItem, out var flag) && flag is bool remember)
        {
            return remember;
        }

        // A form sign-in (JavaScript off, or the static login page): the checkbox posts "true" or "on".
        return http.Request.HasFormContentType
            && http.Request.Form.TryGetValue(_options.RememberMeFormField, out var value)
            && value.Any(v => string.Equals(v, "true", StringComparison.OrdinalIgnoreCase) || string.Equals(v, "on", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>What this scope's HTTP request read from the session (null tokens: signed out).</summary>
    private sealed record RequestRead(TokenSet? Tokens);
}
