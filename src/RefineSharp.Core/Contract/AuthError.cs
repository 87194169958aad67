namespace RefineSharp;

/// <summary>An error a provider reports: <see cref="Name"/> is the notification's title, <see cref="Message"/> its text.</summary>
/// <param name="Name">A short title, shown as the notification message.</param>
/// <param name="Message">The explanation, shown as the notification description.</param>
public sealed record AuthError(string Name, string Message)
{
    /// <summary>
    /// Creates the error users read for an exception: a generic text in the current UI culture, never the
    /// exception's type or message (they can name hosts or configuration; log the exception instead).
    /// </summary>
    public static AuthError FromException(Exception exception) => FromException(exception, includeDetails: false);

    /// <summary>
    /// Creates the error users read for an exception; with <paramref name="includeDetails"/> (for Development only,
    /// see <see cref="RefineOptions.ShowErrorDetails"/>) the exception's type name and message instead of the generic text.
    /// </summary>
    public static AuthError FromException(Exception exception, bool includeDetails)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return includeDetails
            ? new AuthError(exception.GetType().Name, exception.Message)
            : new AuthError(DefaultTexts.Get(TextKeys.UnexpectedTitle), DefaultTexts.Get(TextKeys.UnexpectedDescription));
    }
}
