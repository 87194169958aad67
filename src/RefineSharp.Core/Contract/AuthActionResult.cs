namespace RefineSharp;

/// <summary>The outcome of login, logout, register, forgot password and update password (refine's AuthActionResponse).</summary>
public record AuthActionResult
{
    /// <summary>Whether the action succeeded.</summary>
    public bool Success { get; init; }

    /// <summary>Where the app should go next; followed only when it is a local path.</summary>
    public string? RedirectTo { get; init; }

    /// <summary>What went wrong, shown in the error notification.</summary>
    public AuthError? Error { get; init; }

    /// <summary>A notification to show on success.</summary>
    public SuccessNotification? SuccessNotification { get; init; }

    /// <summary>Anything else the provider wants to hand back to the caller.</summary>
    public IReadOnlyDictionary<string, object?>? Extra { get; init; }

    /// <summary>A success, optionally redirecting to <paramref name="redirectTo"/>.</summary>
    public static AuthActionResult Ok(string? redirectTo = null) => new() { Success = true, RedirectTo = redirectTo };

    /// <summary>A failure with an optional error and redirect.</summary>
    public static AuthActionResult Fail(AuthError? error = null, string? redirectTo = null) =>
        new() { Success = false, Error = error, RedirectTo = redirectTo };

    /// <summary>A failure with an error built from <paramref name="name"/> and <paramref name="message"/>.</summary>
    public static AuthActionResult Fail(string name, string message) => Fail(new AuthError(name, message));
}
