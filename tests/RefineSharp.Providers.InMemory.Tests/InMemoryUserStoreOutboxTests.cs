using Microsoft.Extensions.Options;

namespace RefineSharp.Providers.InMemory.Tests;

/// <summary>Anyone can ask for reset codes: the outbox stays bounded and keeps the newest message.</summary>
public sealed class InMemoryUserStoreOutboxTests
{
    private const string Ann = "ann@example.test";

    [Fact]
    public void SendResetCode_TenThousandRequests_OutboxKeepsOnlyTheNewestCapacityMessages()
    {
        var options = new InMemoryAuthOptions { PasswordHashIterations = 1_000 };
        options.Users.Add(new InMemoryUser { Email = Ann, Password = "Ann12345!" });
        var store = new InMemoryUserStore(Options.Create(options));

        for (var i = 0; i < 10_000; i++)
        {
            store.SendResetCode(Ann);
        }

        Assert.Equal(InMemoryUserStore.OutboxCapacity, store.Outbox.Count);

        // The newest code is the one that works, and it is still in the outbox.
        var newest = store.Outbox[^1];
        Assert.True(store.TryResetPassword(Ann, newest.Code, "N3w-Passw0rd!"));
    }
}
