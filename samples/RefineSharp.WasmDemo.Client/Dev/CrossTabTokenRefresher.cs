using RefineSharp.Blazor;
using RefineSharp.Tokens;

namespace RefineSharp.WasmDemo.Client.Dev;

/// <summary>
/// What TokenRefreshCoordinator does with an <see cref="ICrossContextLock"/>, as a refresher decorator: inside the
/// lock it reads the store again (another tab may have refreshed already: use its tokens), refreshes otherwise, and
/// writes the new tokens with a compare-and-set before the lock is released, so the next tab reads them.
/// </summary>
internal sealed class CrossTabTokenRefresher(ITokenRefresher inner, BrowserStorageTokenStore store, ICrossContextLock crossTabLock) : ITokenRefresher
{
    public Task<TokenSet?> RefreshAsync(TokenSet current, CancellationToken cancellationToken = default) =>
        crossTabLock.RunExclusiveAsync(
            async ct =>
            {
                var stored = await store.GetAsync(ct);
                if (stored is null || !string.Equals(stored.AccessToken, current.AccessToken, StringComparison.Ordinal))
                {
                    // Logged out, or refreshed by another tab while this one waited for the lock.
                    return stored;
                }

                var renewed = await inner.RefreshAsync(current, ct);
                if (renewed is null)
                {
                    return null;
                }

                // Cleared or replaced meanwhile (a logout): that wins over this refresh.
                return await store.ReplaceAsync(current, renewed, ct) ? renewed : await store.GetAsync(ct);
            },
            cancellationToken);
}
