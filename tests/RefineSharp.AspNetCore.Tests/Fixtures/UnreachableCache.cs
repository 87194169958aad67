using Microsoft.Extensions.Caching.Distributed;

namespace RefineSharp.AspNetCore.Tests.Fixtures;

/// <summary>A distributed cache whose server is down: every call fails the way a client library's connection error does.</summary>
public sealed class UnreachableCache : IDistributedCache
{
    public byte[]? Get(string key) => throw Down();

    public Task<byte[]?> GetAsync(string key, CancellationToken token = default) => Task.FromException<byte[]?>(Down());

    public void Refresh(string key) => throw Down();

    public Task RefreshAsync(string key, CancellationToken token = default) => Task.FromException(Down());

    public void Remove(string key) => throw Down();

    public Task RemoveAsync(string key, CancellationToken token = default) => Task.FromException(Down());

    public void Set(string key, byte[] value, DistributedCacheEntryOptions options) => throw Down();

    public Task SetAsync(string key, byte[] value, DistributedCacheEntryOptions options, CancellationToken token = default) => Task.FromException(Down());

    private static IOException Down() => new("It was not possible to connect to the session store at 127.0.0.1:1.");
}
