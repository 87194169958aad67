using RefineSharp.Tokens;

namespace RefineSharp.AspNetCore.Sessions;

/// <summary>
/// The server-side session's <see cref="ICrossContextLock"/>: the circuits and requests of one session (several tabs)
/// refresh its tokens one at a time, within this process (<see cref="SessionLocks"/>) and, when the sessions live in
/// Redis, across every instance of the app (<see cref="IDistributedSessionLock"/>). The coordinator reads the store
/// again inside the lock, so the one that waited finds the renewed tokens instead of using a rotated refresh token
/// again. Without a session there is nothing to share, and the refresh runs as it is.
/// </summary>
internal sealed class SessionRefreshLock(ServerSessionTokenStore store, SessionLocks locks, IDistributedSessionLock shared) : ICrossContextLock
{
    public async Task<T> RunExclusiveAsync<T>(Func<CancellationToken, Task<T>> action, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(action);
        if (await store.GetSessionKeyAsync(cancellationToken) is not { } key)
        {
            return await action(cancellationToken);
        }

        // A key of its own: the token writes inside the refresh take the session's store lock. The process lock comes
        // first, so one waiter per instance asks Redis.
        using (await locks.AcquireAsync("refresh:" + key, cancellationToken))
        {
            var held = await shared.AcquireAsync(key, cancellationToken);
            try
            {
                // What this request read before the lock may be what another holder has renewed since.
                store.ForgetRequestRead();
                return await action(cancellationToken);
            }
            finally
            {
                if (held is not null)
                {
                    await held.DisposeAsync();
                }
            }
        }
    }
}
