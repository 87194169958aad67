namespace RefineSharp;

/// <summary>An error a provider reports: <see cref="Name"/> is the notification's title, <see cref="Message"/> its text.</summary>
/// <param name="Name">A short title, shown as the notification message.</param>
/// <param name="Message">The explanation, shown as the notification description.</param>
public sealed record AuthError(string Name, string Message)
{
    /// <summary>Creates an error from an exception: the exception's type name and message.</summary>
    public static AuthError FromException(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return new AuthError(exception.GetType().Name, exception.Message);
    }
}
