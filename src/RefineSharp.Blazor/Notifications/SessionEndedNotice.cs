using Microsoft.Extensions.Localization;

namespace RefineSharp.Blazor;

/// <summary>
/// Carries refine's "session ended" notification across a full page load (the sign-in page of server-side sessions
/// is not part of the circuit): a fixed query marker, never text from the URL, turned back into the localized notice.
/// </summary>
internal static class SessionEndedNotice
{
    public const string Parameter = "refine-notice";
    public const string Value = "session-ended";

    /// <summary>The notification to show when <paramref name="uri"/> carries the marker; null otherwise.</summary>
    public static AuthNotification? From(string uri, IStringLocalizer<RefineTexts> texts) =>
        QueryString.Parse(uri).TryGetValue(Parameter, out var value) && value == Value
            ? new AuthNotification(AuthManager.SessionEndedKey, NotificationType.Error, texts[TextKeys.SessionEndedTitle], texts[TextKeys.SessionEndedDescription])
            : null;
}
