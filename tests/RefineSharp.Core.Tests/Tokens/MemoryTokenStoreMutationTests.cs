using RefineSharp.Tokens;

namespace RefineSharp.Tests.Tokens;

// Written against the mutants Stryker left alive in Tokens/MemoryTokenStore.cs, the default methods of ITokenStore
// and TokenSet (docs/quality.md): argument checks, the interface's compare-and-clear, the default token type and the
// redacted ToString.
public sealed class MemoryTokenStoreMutationTests
{
    [Fact]
    public async Task MemoryTokenStore_NullArguments_Throw()
    {
        var store = new MemoryTokenStore();

        Assert.Equal("tokens", (await Assert.ThrowsAsync<ArgumentNullException>(() => store.SetAsync(null!).AsTask())).ParamName);
        Assert.Equal("expected", (await Assert.ThrowsAsync<ArgumentNullException>(() => store.ReplaceAsync(null!, TokenSets.Fresh()).AsTask())).ParamName);
        Assert.Equal("replacement", (await Assert.ThrowsAsync<ArgumentNullException>(() => store.ReplaceAsync(TokenSets.Fresh(), null!).AsTask())).ParamName);
        Assert.Equal("expected", (await Assert.ThrowsAsync<ArgumentNullException>(() => store.ClearIfAsync(null!).AsTask())).ParamName);
    }

    [Fact]
    public async Task DefaultStoreMethods_NullArguments_Throw()
    {
        ITokenStore store = new PlainTokenStore();

        Assert.Equal("expected", (await Assert.ThrowsAsync<ArgumentNullException>(() => store.ReplaceAsync(null!, TokenSets.Fresh()).AsTask())).ParamName);
        Assert.Equal("replacement", (await Assert.ThrowsAsync<ArgumentNullException>(() => store.ReplaceAsync(TokenSets.Fresh(), null!).AsTask())).ParamName);
        Assert.Equal("expected", (await Assert.ThrowsAsync<ArgumentNullException>(() => store.ClearIfAsync(null!).AsTask())).ParamName);
    }

    [Fact]
    public async Task ClearIfAsync_DefaultImplementation_ClearsOnlyTheExpectedAccessToken()
    {
        ITokenStore store = new PlainTokenStore();

        Assert.False(await store.ClearIfAsync(TokenSets.Fresh("old")));

        await store.SetAsync(TokenSets.Fresh("new-login"));
        Assert.False(await store.ClearIfAsync(TokenSets.Fresh("old")));
        Assert.Equal("new-login", (await store.GetAsync())?.AccessToken);

        Assert.True(await store.ClearIfAsync(TokenSets.Fresh("new-login") with { RefreshToken = "differs" }));
        Assert.Null(await store.GetAsync());
    }

    [Fact]
    public async Task ClearIfAsync_MemoryStore_ClearsOnlyTheExpectedAccessToken()
    {
        var store = new MemoryTokenStore();

        Assert.False(await store.ClearIfAsync(TokenSets.Fresh("old")));

        await store.SetAsync(TokenSets.Fresh("new-login"));
        Assert.False(await store.ClearIfAsync(TokenSets.Fresh("old")));
        Assert.Equal("new-login", (await store.GetAsync())?.AccessToken);

        Assert.True(await store.ClearIfAsync(TokenSets.Fresh("new-login")));
        Assert.Null(await store.GetAsync());
    }

    [Fact]
    public void TokenSet_TokenType_DefaultsToBearer() => Assert.Equal("Bearer", new TokenSet { AccessToken = "a" }.TokenType);

    [Fact]
    public void TokenSet_ToString_HidesTheTokensAndSaysWhetherARefreshTokenExists()
    {
        var expires = new DateTimeOffset(2030, 1, 2, 3, 4, 5, TimeSpan.Zero);
        var withRefresh = new TokenSet { AccessToken = "secret-access", RefreshToken = "secret-refresh", ExpiresAt = expires };
        var withoutRefresh = new TokenSet { AccessToken = "secret-access" };

        Assert.Equal("TokenSet { AccessToken = ***, RefreshToken = ***, ExpiresAt = 2030-01-02T03:04:05.0000000+00:00 }", withRefresh.ToString());
        Assert.Equal("TokenSet { AccessToken = ***, RefreshToken = null, ExpiresAt =  }", withoutRefresh.ToString());
    }
}
