namespace RefineSharp;

/// <summary>What to do about an error met by a data call (refine's OnErrorResponse).</summary>
public record OnErrorResult
{
    /// <summary>Where to go: the logout's redirect when <see cref="Logout"/> is true, otherwise a replace navigation.</summary>
    public string? RedirectTo { get; init; }

    /// <summary>True to log the user out.</summary>
    public bool Logout { get; init; }

    /// <summary>What went wrong.</summary>
    public AuthError? Error { get; init; }

    /// <summary>Nothing to do: the error does not concern authentication.</summary>
    public static OnErrorResult Ignore() => new();

    /// <summary>Log the user out, then go to <paramref name="redirectTo"/> (or the logout's own redirect).</summary>
    public static OnErrorResult LogoutTo(string? redirectTo = null, AuthError? error = null) =>
        new() { Logout = true, RedirectTo = redirectTo, Error = error };

    /// <summary>Stay signed in and go to <paramref name="redirectTo"/>.</summary>
    public static OnErrorResult NavigateTo(string redirectTo, AuthError? error = null) =>
        new() { RedirectTo = redirectTo, Error = error };
}
