using Microsoft.Extensions.Caching.Distributed;

namespace RefineSharp.AspNetCore.Tests.Fixtures;

/// <summary>
/// A cache whose next read or next write can be held at a gate the test opens: the read has already fetched its value
/// (what it returns is the store as it was), the write has not yet reached the store. One-shot per arming.
/// </summary>
public sealed class GatedCache(IDistributedCache inner) : IDistributedCache
{
    private TaskCompletionSource? _readGate;
    private TaskCompletionSource? _writeGate;

    /// <summary>Holds the next read after it has fetched its value; returns the gate to open.</summary>
    public TaskCompletionSource HoldNextRead() => _readGate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Holds the next write before it reaches the store; returns the gate to open.</summary>
    public TaskCompletionSource HoldNextWrite() => _writeGate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    public byte[]? Get(string key) => inner.Get(key);

    public async Task<byte[]?> GetAsync(string key, CancellationToken token = default)
    {
        var value = await inner.GetAsync(key, token);
        if (Interlocked.Exchange(ref _readGate, null) is { } gate)
        {
            await gate.Task;
        }

        return value;
    }

    public void Refresh(string key) => inner.Refresh(key);

    public Task RefreshAsync(string key, CancellationToken token = default) => inner.RefreshAsync(key, token);

    public void Remove(string key) => inner.Remove(key);

    public Task RemoveAsync(string key, CancellationToken token = default) => inner.RemoveAsync(key, token);

    public void Set(string key, byte[] value, DistributedCacheEntryOptions options) => inner.Set(key, value, options);

    public async Task SetAsync(string key, byte[] value, DistributedCacheEntryOptions options, CancellationToken token = default)
    {
        if (Interlocked.Exchange(ref _writeGate, null) is { } gate)
        {
            await gate.Task;
        }

        await inner.SetAsync(key, value, options, token);
    }
}
