namespace RefineSharp;

/// <summary>Shows and hides notifications (refine's notificationProvider), replacing any open one with the same key.</summary>
public interface INotificationService
{
    /// <summary>Shows <paramref name="notification"/>, replacing the one with the same key.</summary>
    void Open(AuthNotification notification);

    /// <summary>Hides the notification with <paramref name="key"/>, if one is shown.</summary>
    void Close(string key);
}
