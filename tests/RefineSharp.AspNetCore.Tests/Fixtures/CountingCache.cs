using Microsoft.Extensions.Caching.Distributed;

namespace RefineSharp.AspNetCore.Tests.Fixtures;

/// <summary>A cache that counts its reads: each one is a network round trip when the cache is Redis.</summary>
public sealed class CountingCache(IDistributedCache inner) : IDistributedCache
{
    private int _reads;

    public int Reads => Volatile.Read(ref _reads);

    public void ResetReads() => Interlocked.Exchange(ref _reads, 0);

    public byte[]? Get(string key)
    {
        Interlocked.Increment(ref _reads);
        return inner.Get(key);
    }

    public Task<byte[]?> GetAsync(string key, CancellationToken token = default)
    {
        Interlocked.Increment(ref _reads);
        return inner.GetAsync(key, token);
    }

    public void Refresh(string key) => inner.Refresh(key);

    public Task RefreshAsync(string key, CancellationToken token = default) => inner.RefreshAsync(key, token);

    public void Remove(string key) => inner.Remove(key);

    public Task RemoveAsync(string key, CancellationToken token = default) => inner.RemoveAsync(key, token);

    public void Set(string key, byte[] value, DistributedCacheEntryOptions options) => inner.Set(key, value, options);

    public Task SetAsync(string key, byte[] value, DistributedCacheEntryOptions options, CancellationToken token = default) => inner.SetAsync(key, value, options, token);
}
