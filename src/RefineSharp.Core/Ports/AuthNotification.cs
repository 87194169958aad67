namespace RefineSharp;

/// <summary>A notification the engine asks to show.</summary>
/// <param name="Key">Identifies the notification; a new one with the same key replaces the old.</param>
/// <param name="Type">Success or error.</param>
/// <param name="Message">The title.</param>
/// <param name="Description">The text under the title.</param>
public sealed record AuthNotification(string Key, NotificationType Type, string Message, string? Description);
