namespace RefineSharp;

/// <summary>The answer of an authentication check (refine's CheckResponse).</summary>
public record CheckResult
{
    /// <summary>Whether the user is authenticated.</summary>
    public bool Authenticated { get; init; }

    /// <summary>Where a guard should send an unauthenticated user; followed only when it is a local path.</summary>
    public string? RedirectTo { get; init; }

    /// <summary>True when stored credentials should be cleared (the guard logs out before redirecting).</summary>
    public bool Logout { get; init; }

    /// <summary>Why the user is not authenticated.</summary>
    public AuthError? Error { get; init; }

    /// <summary>The user is authenticated.</summary>
    public static CheckResult Ok() => new() { Authenticated = true };

    /// <summary>The user is not authenticated; optionally redirect, log out and say why.</summary>
    public static CheckResult Fail(string? redirectTo = null, bool logout = false, AuthError? error = null) =>
        new() { Authenticated = false, RedirectTo = redirectTo, Logout = logout, Error = error };
}
