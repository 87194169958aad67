namespace RefineSharp;

/// <summary>The kind of a notification.</summary>
public enum NotificationType
{
    /// <summary>Something worked.</summary>
    Success,

    /// <summary>Something failed.</summary>
    Error,
}
