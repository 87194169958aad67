using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace RefineSharp.AspNetCore.Tests.Fixtures;

/// <summary>What instances of one app share: the session cache and the data-protection key ring.</summary>
public sealed class SharedBackplane
{
    public SharedBackplane(string? keyFolder = null)
    {
        var folder = keyFolder ?? Path.Combine(Path.GetTempPath(), "refinesharp-keys-" + Guid.NewGuid().ToString("N"));
        Keys = DataProtectionProvider.Create(new DirectoryInfo(folder), b => b.SetApplicationName("RefineSharp.Tests"));
    }

    public IDistributedCache Cache { get; } = new MemoryDistributedCache(Options.Create(new MemoryDistributedCacheOptions()));

    public IDataProtectionProvider Keys { get; }
}
