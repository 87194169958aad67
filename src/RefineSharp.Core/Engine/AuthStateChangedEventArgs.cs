namespace RefineSharp;

/// <summary>Describes a change of the auth state.</summary>
public sealed class AuthStateChangedEventArgs : EventArgs
{
    /// <summary>Creates the event data.</summary>
    public AuthStateChangedEventArgs(AuthChangeReason reason, AuthStatus status)
        : this(reason, status, redirectingTo: null)
    {
    }

    /// <summary>Creates the event data for a change that the engine follows with a navigation to <paramref name="redirectingTo"/>.</summary>
    public AuthStateChangedEventArgs(AuthChangeReason reason, AuthStatus status, string? redirectingTo)
    {
        Reason = reason;
        Status = status;
        RedirectingTo = redirectingTo;
    }

    /// <summary>What caused the change.</summary>
    public AuthChangeReason Reason { get; }

    /// <summary>The engine's status after the change (often <see cref="AuthStatus.Unknown"/> until the next check).</summary>
    public AuthStatus Status { get; }

    /// <summary>
    /// The validated path the engine navigates to right after this change (after a login, logout or register with a
    /// redirect), or null. Guards skip their own redirect when it is set, so the two navigations never race.
    /// </summary>
    public string? RedirectingTo { get; }
}
