using RefineSharp.Tokens;

namespace RefineSharp.AspNetCore.Sessions;

/// <summary>
/// The server-side session's <see cref="ICrossContextLock"/>: the circuits and requests of one session (several tabs)
/// refresh its tokens one at a time within this process, and the one that waited reads the renewed tokens instead of
/// using the refresh token again. Without a session there is nothing to share, and the refresh runs as it is.
/// </summary>
internal sealed class SessionRefreshLock(ServerSessionTokenStore store, SessionLocks locks) : ICrossContextLock
{
    public async Task<T> RunExclusiveAsync<T>(Func<CancellationToken, Task<T>> action, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(action);
        if (await store.GetSessionKeyAsync(cancellationToken) is not { } key)
        {
            return await action(cancellationToken);
        }

        // A key of its own: the token writes inside the refresh take the session's store lock.
        using (await locks.AcquireAsync("refresh:" + key, cancellationToken))
        {
            return await action(cancellationToken);
        }
    }
}
