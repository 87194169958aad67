using Microsoft.Extensions.Caching.Distributed;

namespace RefineSharp.AspNetCore.Tests.Fixtures;

/// <summary>A cache that can be taken down and brought back while a test runs.</summary>
public sealed class SwitchableCache(IDistributedCache inner) : IDistributedCache
{
    private readonly UnreachableCache _down = new();

    public volatile bool Down;

    private IDistributedCache Current => Down ? _down : inner;

    public byte[]? Get(string key) => Current.Get(key);

    public Task<byte[]?> GetAsync(string key, CancellationToken token = default) => Current.GetAsync(key, token);

    public void Refresh(string key) => Current.Refresh(key);

    public Task RefreshAsync(string key, CancellationToken token = default) => Current.RefreshAsync(key, token);

    public void Remove(string key) => Current.Remove(key);

    public Task RemoveAsync(string key, CancellationToken token = default) => Current.RemoveAsync(key, token);

    public void Set(string key, byte[] value, DistributedCacheEntryOptions options) => Current.Set(key, value, options);

    public Task SetAsync(string key, byte[] value, DistributedCacheEntryOptions options, CancellationToken token = default) => Current.SetAsync(key, value, options, token);
}
