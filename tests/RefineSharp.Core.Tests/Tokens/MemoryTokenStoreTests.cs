using RefineSharp.Tokens;

namespace RefineSharp.Tests.Tokens;

public sealed class MemoryTokenStoreTests
{
    [Fact]
    public async Task ReplaceAsync_StillHoldsExpected_StoresReplacement()
    {
        var store = new MemoryTokenStore();
        await store.SetAsync(TokenSets.Fresh("old"));

        Assert.True(await store.ReplaceAsync(TokenSets.Fresh("old"), TokenSets.Fresh("new")));
        Assert.Equal("new", (await store.GetAsync())?.AccessToken);
    }

    [Fact]
    public async Task ReplaceAsync_Cleared_ReturnsFalseAndStaysEmpty()
    {
        var store = new MemoryTokenStore();

        Assert.False(await store.ReplaceAsync(TokenSets.Fresh("old"), TokenSets.Fresh("new")));
        Assert.Null(await store.GetAsync());
    }

    [Fact]
    public async Task ReplaceAsync_ReplacedMeanwhile_ReturnsFalseAndKeepsNewer()
    {
        var store = new MemoryTokenStore();
        await store.SetAsync(TokenSets.Fresh("newer"));

        Assert.False(await store.ReplaceAsync(TokenSets.Fresh("old"), TokenSets.Fresh("new")));
        Assert.Equal("newer", (await store.GetAsync())?.AccessToken);
    }

    [Fact]
    public async Task ReplaceAsync_ManyRacingReplacersOfOneToken_ExactlyOneWins()
    {
        var store = new MemoryTokenStore();
        await store.SetAsync(TokenSets.Fresh("old"));
        using var start = new Barrier(8);

        var wins = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(async () =>
        {
            start.SignalAndWait();
            return await store.ReplaceAsync(TokenSets.Fresh("old"), TokenSets.Fresh("new-" + i));
        })));

        var winner = Assert.Single(wins.Select((won, i) => (won, i)), w => w.won);
        Assert.Equal("new-" + winner.i, (await store.GetAsync())?.AccessToken);
    }

    [Fact]
    public async Task ReplaceAsync_DefaultImplementation_ComparesAccessTokens()
    {
        ITokenStore store = new PlainTokenStore();
        await store.SetAsync(TokenSets.Fresh("old"));

        Assert.False(await store.ReplaceAsync(TokenSets.Fresh("other"), TokenSets.Fresh("new")));
        Assert.True(await store.ReplaceAsync(TokenSets.Fresh("old") with { RefreshToken = "differs" }, TokenSets.Fresh("new")));
        Assert.Equal("new", (await store.GetAsync())?.AccessToken);
        await store.ClearAsync();
        Assert.False(await store.ReplaceAsync(TokenSets.Fresh("new"), TokenSets.Fresh("again")));
        Assert.Null(await store.GetAsync());
    }
}
