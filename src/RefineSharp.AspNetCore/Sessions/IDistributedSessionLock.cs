namespace RefineSharp.AspNetCore.Sessions;

/// <summary>
/// A lock on one session shared by every instance of the app (several servers behind a load balancer), so that only
/// one of them refreshes the session's tokens at a time. <see cref="SessionRefreshLock"/> takes it after the
/// per-process lock; the holder's lease expires on its own, so an instance that dies while holding it blocks nobody
/// for longer than the lease.
/// </summary>
internal interface IDistributedSessionLock
{
    /// <summary>
    /// Waits until this caller holds the lock of session <paramref name="sessionKey"/> and returns its release; null
    /// when the shared store cannot hold a lock (none configured, or it cannot be reached: the refresh then runs with
    /// the per-process lock only, and a store that cannot be reached fails the session closed anyway).
    /// </summary>
    Task<IAsyncDisposable?> AcquireAsync(string sessionKey, CancellationToken cancellationToken);
}

/// <summary>No shared store (one instance, or a cache that is not Redis): the per-process lock is all there is.</summary>
internal sealed class NoDistributedSessionLock : IDistributedSessionLock
{
    public static readonly NoDistributedSessionLock Instance = new();

    public Task<IAsyncDisposable?> AcquireAsync(string sessionKey, CancellationToken cancellationToken) => Task.FromResult<IAsyncDisposable?>(null);
}
