namespace RefineSharp.Tokens;

/// <summary>
/// A lock shared by every context that shares one token store, for example the browser tabs of one app sharing
/// localStorage. Holding it around "read the store, refresh, write the store" makes a token refresh single-flight
/// across those contexts, not only within one scope: with rotating refresh tokens, two tabs refreshing with the same
/// refresh token would otherwise trip the backend's reuse detection and log each other out. Optional: without an
/// implementation, refresh stays single-flight per scope.
/// </summary>
public interface ICrossContextLock
{
    /// <summary>
    /// Runs <paramref name="action"/> while holding the lock, after any other context's holder has finished. When the
    /// lock cannot be taken at all (the platform lacks it, or JavaScript is not available yet), runs the action
    /// without it. <paramref name="cancellationToken"/> cancels the wait for the lock and is passed to the action.
    /// </summary>
    Task<T> RunExclusiveAsync<T>(Func<CancellationToken, Task<T>> action, CancellationToken cancellationToken = default);
}
