namespace RefineSharp.Demo.Security;

/// <summary>Tells the owner of an address that someone tried to register it again (instead of telling the one who tried).</summary>
public interface IAccountExistsNotifier
{
    /// <summary>Sends the "you already have an account" message to <paramref name="email"/>.</summary>
    Task NotifyAsync(string email);
}
