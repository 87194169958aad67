namespace RefineSharp;

/// <summary>A notification a provider asks to show after a successful action.</summary>
/// <param name="Message">The title of the notification.</param>
/// <param name="Description">Optional text under the title.</param>
public sealed record SuccessNotification(string Message, string? Description = null);
