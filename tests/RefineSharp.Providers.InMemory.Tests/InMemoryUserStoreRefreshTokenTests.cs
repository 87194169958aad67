using Microsoft.Extensions.Options;

namespace RefineSharp.Providers.InMemory.Tests;

/// <summary>Rotating refresh tokens with reuse detection: each token works once; a second use revokes the user's tokens.</summary>
public sealed class InMemoryUserStoreRefreshTokenTests
{
    private const string Ann = "ann@example.test";
    private const string Bob = "bob@example.test";

    private static InMemoryUserStore CreateStore()
    {
        var options = new InMemoryAuthOptions { PasswordHashIterations = 1_000 };
        options.Users.Add(new InMemoryUser { Email = Ann, Password = "Ann12345!" });
        options.Users.Add(new InMemoryUser { Email = Bob, Password = "Bob12345!" });
        return new InMemoryUserStore(Options.Create(options));
    }

    [Fact]
    public void Rotate_FreshToken_ReturnsANewTokenThatWorksInTurn()
    {
        var store = CreateStore();
        var first = store.IssueRefreshToken(Ann)!;

        var second = store.RotateRefreshToken(first);
        var third = store.RotateRefreshToken(second);

        Assert.NotNull(second);
        Assert.NotEqual(first, second);
        Assert.NotNull(third);
        Assert.Equal(0, store.RefreshTokenReuseCount);
    }

    [Fact]
    public void Rotate_UsedTokenAgain_IsRefusedAndRevokesTheNewerTokenToo()
    {
        var store = CreateStore();
        var first = store.IssueRefreshToken(Ann)!;
        var second = store.RotateRefreshToken(first);

        Assert.Null(store.RotateRefreshToken(first));
        Assert.Null(store.RotateRefreshToken(second));
        Assert.Equal(1, store.RefreshTokenReuseCount);
    }

    [Fact]
    public void Rotate_ReuseByOneUser_LeavesOtherUsersSignedIn()
    {
        var store = CreateStore();
        var ann = store.IssueRefreshToken(Ann)!;
        var bob = store.IssueRefreshToken(Bob)!;
        store.RotateRefreshToken(ann);

        store.RotateRefreshToken(ann);

        Assert.NotNull(store.RotateRefreshToken(bob));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not-a-token")]
    public void Rotate_UnknownToken_IsRefusedWithoutCountingAsReuse(string? token)
    {
        var store = CreateStore();

        Assert.Null(store.RotateRefreshToken(token));
        Assert.Equal(0, store.RefreshTokenReuseCount);
    }

    [Fact]
    public void Issue_UnknownAccount_ReturnsNull()
    {
        Assert.Null(CreateStore().IssueRefreshToken("nobody@example.test"));
    }

    [Fact]
    public async Task Rotate_SameTokenFromManyCallersAtOnce_ExactlyOneWinsAndTheRestIsReuse()
    {
        var store = CreateStore();
        var token = store.IssueRefreshToken(Ann)!;
        const int callers = 16;
        using var arrived = new Barrier(callers);

        // A thread each (not the pool, which would add threads slowly): every caller is at the line before any rotates.
        var results = await Task.WhenAll(Enumerable.Range(0, callers).Select(_ => Task.Factory.StartNew(
            () =>
            {
                arrived.SignalAndWait();
                return store.RotateRefreshToken(token);
            },
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default)));

        Assert.Single(results, r => r is not null);
        // The first reuse revokes the user's tokens; later callers present an unknown token.
        Assert.Equal(1, store.RefreshTokenReuseCount);
        // The winner's token was revoked by the reuse that followed it.
        Assert.Null(store.RotateRefreshToken(results.Single(r => r is not null)));
    }
}
