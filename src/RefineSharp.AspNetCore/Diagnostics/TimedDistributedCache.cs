using System.Diagnostics;
using Microsoft.Extensions.Caching.Distributed;

namespace RefineSharp.AspNetCore.Diagnostics;

/// <summary>Wraps the session store's <see cref="IDistributedCache"/> to record every read, write and removal as "store".</summary>
internal sealed class TimedDistributedCache(IDistributedCache inner) : IDistributedCache
{
    public byte[]? Get(string key) => Time("get", () => inner.Get(key));

    public Task<byte[]?> GetAsync(string key, CancellationToken token = default) => TimeAsync("get", () => inner.GetAsync(key, token));

    public void Set(string key, byte[] value, DistributedCacheEntryOptions options) => Time("set", () => { inner.Set(key, value, options); return 0; });

    public Task SetAsync(string key, byte[] value, DistributedCacheEntryOptions options, CancellationToken token = default) =>
        TimeAsync("set", async () => { await inner.SetAsync(key, value, options, token); return 0; });

    public void Refresh(string key) => Time("refresh", () => { inner.Refresh(key); return 0; });

    public Task RefreshAsync(string key, CancellationToken token = default) =>
        TimeAsync("refresh", async () => { await inner.RefreshAsync(key, token); return 0; });

    public void Remove(string key) => Time("remove", () => { inner.Remove(key); return 0; });

    public Task RemoveAsync(string key, CancellationToken token = default) =>
        TimeAsync("remove", async () => { await inner.RemoveAsync(key, token); return 0; });

    private static T Time<T>(string operation, Func<T> action)
    {
        var start = Stopwatch.GetTimestamp();
        try
        {
            return action();
        }
        finally
        {
            ServerTimingRecorder.Current?.Add("store", operation, Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }
    }

    private static async Task<T> TimeAsync<T>(string operation, Func<Task<T>> action)
    {
        // Not timed at all outside a timed request: the store is on every request's path.
        if (ServerTimingRecorder.Current is not { } recorder)
        {
            return await action();
        }

        var start = Stopwatch.GetTimestamp();
        try
        {
            return await action();
        }
        finally
        {
            recorder.Add("store", operation, Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }
    }
}
