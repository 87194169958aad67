using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using RefineSharp.Providers.Oidc;
using RefineSharp.Providers.Oidc.Endpoints;

namespace RefineSharp.Providers.Oidc.Tests.Provider;

/// <summary>The logout hand-over is single-use, and a guessed, altered or foreign handle gives nothing.</summary>
public sealed class LogoutHandoverTests
{
    private readonly MemoryDistributedCache _cache = new(Microsoft.Extensions.Options.Options.Create(new MemoryDistributedCacheOptions()));

    [Fact]
    public async Task A_handle_gives_the_id_token_once()
    {
        var handover = Create();
        var handle = await handover.StoreAsync("idp", "id-token-value", CancellationToken.None);

        var entry = await handover.TakeAsync(handle, CancellationToken.None);
        Assert.Equal(("idp", "id-token-value"), (entry!.Provider, entry.IdToken));
        Assert.Null(await handover.TakeAsync(handle, CancellationToken.None));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("guess")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task Unknown_handles_give_nothing(string? handle) =>
        Assert.Null(await Create().TakeAsync(handle, CancellationToken.None));

    [Fact]
    public async Task A_handle_with_one_character_changed_gives_nothing()
    {
        var handover = Create();
        var handle = await handover.StoreAsync("idp", "eyJ-secret-id-token", CancellationToken.None);
        var altered = (handle[0] == 'A' ? 'B' : 'A') + handle[1..];

        Assert.Null(await handover.TakeAsync(altered, CancellationToken.None));
        Assert.NotNull(await handover.TakeAsync(handle, CancellationToken.None));
    }

    [Fact]
    public async Task An_entry_protected_by_another_key_ring_is_refused()
    {
        var handle = await Create().StoreAsync("idp", "token", CancellationToken.None);
        var other = new LogoutHandover(_cache, new EphemeralDataProtectionProvider(), Microsoft.Extensions.Options.Options.Create(new OidcAuthOptions()));
        Assert.Null(await other.TakeAsync(handle, CancellationToken.None));
    }

    private LogoutHandover Create() => new(_cache, Provider, Microsoft.Extensions.Options.Options.Create(new OidcAuthOptions()));

    private static readonly IDataProtectionProvider Provider = new EphemeralDataProtectionProvider();
}
