namespace RefineSharp;

/// <summary>The default notification service: shows nothing, like refine without a notificationProvider.</summary>
public sealed class NoOpNotificationService : INotificationService
{
    /// <inheritdoc />
    public void Open(AuthNotification notification)
    {
        // Intentionally empty: no UI to show it in.
    }

    /// <inheritdoc />
    public void Close(string key)
    {
        // Intentionally empty: no UI to hide it from.
    }
}
