using RefineSharp.Demo.Security;

namespace RefineSharp.Demo.Tests.Security;

public sealed class AccountLockGateTests
{
    [Fact]
    public async Task EnterAsync_ManyCallersOneKey_OneAtATimeAndTheTableEmpties()
    {
        var gate = new AccountLockGate();
        var inside = 0;
        var most = 0;
        var arrived = new CountdownEvent(16);

        var callers = Enumerable.Range(0, 16).Select(_ => Task.Run(async () =>
        {
            arrived.Signal();
            arrived.Wait();
            using (await gate.EnterAsync("A@X"))
            {
                var now = Interlocked.Increment(ref inside);
                InterlockedMax(ref most, now);
                await Task.Yield();
                Interlocked.Decrement(ref inside);
            }
        })).ToArray();
        await Task.WhenAll(callers).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(1, most);
        Assert.Equal(0, gate.Count);
    }

    [Fact]
    public async Task EnterAsync_OtherKeyWhileHeld_DoesNotWait()
    {
        var gate = new AccountLockGate();
        using var held = await gate.EnterAsync("A@X");

        var other = gate.EnterAsync("B@X");
        var same = gate.EnterAsync("A@X");

        Assert.True(other.IsCompletedSuccessfully);
        Assert.False(same.IsCompleted);
        (await other).Dispose();
        held.Dispose();
        (await same.WaitAsync(TimeSpan.FromSeconds(30))).Dispose();
        Assert.Equal(0, gate.Count);
    }

    [Fact]
    public async Task EnterAsync_CancelledWhileWaiting_LeavesNoEntryAndKeepsTheLock()
    {
        var gate = new AccountLockGate();
        var held = await gate.EnterAsync("A@X");
        using var cancel = new CancellationTokenSource();

        var waiting = gate.EnterAsync("A@X", cancel.Token);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        Assert.Equal(1, gate.Count);
        held.Dispose();
        held.Dispose();
        Assert.Equal(0, gate.Count);
        (await gate.EnterAsync("A@X").WaitAsync(TimeSpan.FromSeconds(30))).Dispose();
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }
}
