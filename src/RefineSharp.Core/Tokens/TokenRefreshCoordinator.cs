using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using RefineSharp.Telemetry;

namespace RefineSharp.Tokens;

/// <summary>
/// Hands out a valid access token and refreshes it single-flight: however many callers need a new token at once,
/// the <see cref="ITokenRefresher"/> is called once and all of them get its answer (refresh tokens are often
/// single-use, so parallel refreshes would log the user out). Renewed tokens are written only through
/// <see cref="ITokenStore.ReplaceAsync"/>, so a logout or login during the refresh wins over its outcome. A failed
/// refresh clears the store and raises <see cref="RefreshFailed"/> once. The refresher and the event handlers never
/// run under the coordinator's lock. Scoped like the <see cref="AuthManager"/>: one per circuit or browser app.
/// </summary>
public sealed class TokenRefreshCoordinator
{
    private readonly ITokenStore _store;
    private readonly ITokenRefresher _refresher;
    private readonly TokenRefreshOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private readonly ICrossContextLock? _crossContextLock;
    private Task<TokenSet?>? _refresh;

    /// <summary>Creates the coordinator over <paramref name="store"/> and <paramref name="refresher"/>.</summary>
    public TokenRefreshCoordinator(
        ITokenStore store,
        ITokenRefresher refresher,
        IOptions<TokenRefreshOptions>? options = null,
        TimeProvider? timeProvider = null,
        ILogger<TokenRefreshCoordinator>? logger = null,
        ICrossContextLock? crossContextLock = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(refresher);
        _store = store;
        _refresher = refresher;
        _options = options?.Value ?? new TokenRefreshOptions();
        TokenRefreshOptionsValidator.ThrowIfInvalid(_options);
        _time = timeProvider ?? TimeProvider.System;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _crossContextLock = crossContextLock;
    }

    /// <summary>Raised once per failed refresh, after the store was cleared: the session is over and the user should be logged out.</summary>
    public event EventHandler? RefreshFailed;

    /// <summary>False when no <see cref="ITokenRefresher"/> was registered: tokens are used until they expire or are refused.</summary>
    internal bool CanRefresh => _refresher is not NoTokenRefresher;

    /// <summary>The store this coordinator reads and writes.</summary>
    public ITokenStore Store => _store;

    /// <summary>
    /// Returns the stored tokens, refreshed first when the access token has expired or expires within
    /// <see cref="TokenRefreshOptions.RefreshSkew"/>; null when there are none or the refresh failed.
    /// </summary>
    public async Task<TokenSet?> GetValidTokenAsync(CancellationToken cancellationToken = default)
    {
        var tokens = await _store.GetAsync(cancellationToken);
        if (tokens is null || !ExpiresSoon(tokens))
        {
            return tokens;
        }

        return await JoinRefreshAsync(cancellationToken);
    }

    /// <summary>
    /// Refreshes after the backend rejected <paramref name="failedToken"/> (a 401), unless another caller already
    /// replaced it, in which case the newer tokens are returned without a refresh; null when the refresh failed.
    /// </summary>
    public async Task<TokenSet?> ForceRefreshAsync(TokenSet failedToken, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(failedToken);
        var tokens = await _store.GetAsync(cancellationToken);
        if (tokens is null || !SameAccessToken(tokens, failedToken))
        {
            return tokens;
        }

        return await JoinRefreshAsync(cancellationToken, failedToken);
    }

    /// <summary>True when <paramref name="tokens"/> expire within the refresh skew (unknown expiry never does).</summary>
    public bool ExpiresSoon(TokenSet tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        // Compared as now + skew (both bounded) so that a stored expiry near DateTimeOffset.MinValue cannot overflow.
        return tokens.ExpiresAt is { } expiresAt && expiresAt <= _time.GetUtcNow() + _options.RefreshSkew;
    }

    private Task<TokenSet?> JoinRefreshAsync(CancellationToken cancellationToken, TokenSet? rejected = null)
    {
        Task<TokenSet?> refresh;
        TaskCompletionSource<TokenSet?>? started = null;
        lock (_gate)
        {
            // The lock only publishes the shared flight; the refresher (and any RefreshFailed handler) runs outside it.
            if (_refresh is null || _refresh.IsCompleted)
            {
                started = new TaskCompletionSource<TokenSet?>(TaskCreationOptions.RunContinuationsAsynchronously);
                _refresh = started.Task;
            }

            refresh = _refresh;
        }

        if (started is not null)
        {
            _ = RunRefreshAsync(started, rejected);
        }

        // The refresh is shared: one caller giving up must not cancel it for the others.
        return refresh.WaitAsync(cancellationToken);
    }

    private async Task RunRefreshAsync(TaskCompletionSource<TokenSet?> flight, TokenSet? rejected)
    {
        try
        {
            flight.SetResult(await RefreshCoreAsync(rejected));
        }
        catch (Exception ex)
        {
            // Only a throwing store gets here (the refresher's faults are answers); every waiter sees the fault.
            flight.SetException(ex);
        }
    }

    // Single-flight within this scope comes from JoinRefreshAsync; across tabs (or circuits of one server-side
    // session) from the optional cross-context lock, inside which the store is read again, so a context that waits
    // finds the tokens another one renewed and does not reuse a rotated refresh token.
    private Task<TokenSet?> RefreshCoreAsync(TokenSet? rejected) =>
        _crossContextLock is null
            ? RefreshUnderLockAsync(rejected)
            : _crossContextLock.RunExclusiveAsync(_ => RefreshUnderLockAsync(rejected), CancellationToken.None);

    private async Task<TokenSet?> RefreshUnderLockAsync(TokenSet? rejected)
    {
        // Read again inside the single flight: a refresh that finished a moment ago may already have replaced the tokens.
        var current = await _store.GetAsync(CancellationToken.None);
        if (current is null)
        {
            return null;
        }

        var stillRejected = rejected is not null && SameAccessToken(current, rejected);
        if (!stillRejected && !ExpiresSoon(current))
        {
            return current;
        }

        if (!CanRefresh)
        {
            // Nothing can renew an expired token: the session is over, quietly (no refresher is not a fault).
            return await _store.ClearIfAsync(current, CancellationToken.None) ? EndWithoutRefresh() : await _store.GetAsync(CancellationToken.None);
        }

        TokenLog.Refreshing(_logger);
        using var activity = RefineTelemetry.StartRefresh();
        var renewed = await CallRefresherAsync(current);

        if (renewed is null)
        {
            // Compare-and-clear: a login (tokens replaced) during the refresh wins over the old session's outcome,
            // and a logout (tokens already cleared) needs no second end.
            if (await _store.ClearIfAsync(current, CancellationToken.None))
            {
                activity?.SetStatus(System.Diagnostics.ActivityStatusCode.Error, "refused");
                RaiseRefreshFailed();
                return null;
            }

            return await _store.GetAsync(CancellationToken.None);
        }

        // Compare-and-set: a logout (tokens cleared) or a login (tokens replaced) during the refresh wins, so renewed
        // tokens of an ended session are never written back.
        if (await _store.ReplaceAsync(current, renewed, CancellationToken.None))
        {
            TokenLog.Refreshed(_logger);
            RefineTelemetry.Refresh("renewed");
            return renewed;
        }

        TokenLog.RefreshOutdated(_logger);
        RefineTelemetry.Refresh("outdated");
        return await _store.GetAsync(CancellationToken.None);
    }

    private async Task<TokenSet?> CallRefresherAsync(TokenSet current)
    {
        using var timeout = new CancellationTokenSource(_options.RefreshTimeout, _time);
        try
        {
            var renewed = await _refresher.RefreshAsync(current, timeout.Token).WaitAsync(timeout.Token);
            if (renewed is null)
            {
                TokenLog.RefreshRefused(_logger);
                RefineTelemetry.Refresh("refused");
            }

            return renewed;
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            TokenLog.RefreshTimedOut(_logger, _options.RefreshTimeout.TotalSeconds);
            RefineTelemetry.Refresh("timed_out");
            return null;
        }
        catch (Exception ex)
        {
            TokenLog.RefresherThrew(_logger, ex);
            RefineTelemetry.Refresh("failed");
            return null;
        }
    }

    private TokenSet? EndWithoutRefresh()
    {
        RaiseRefreshFailed();
        return null;
    }

    private void RaiseRefreshFailed()
    {
        var handlers = RefreshFailed;
        if (handlers is null)
        {
            return;
        }

        foreach (var handler in handlers.GetInvocationList().Cast<EventHandler>())
        {
            try
            {
                handler(this, EventArgs.Empty);
            }
            catch (Exception ex)
            {
                TokenLog.FailureHandlerThrew(_logger, ex);
            }
        }
    }

    private static bool SameAccessToken(TokenSet a, TokenSet b) => string.Equals(a.AccessToken, b.AccessToken, StringComparison.Ordinal);
}
