namespace RefineSharp;

/// <summary>Describes a change of the auth state.</summary>
public sealed class AuthStateChangedEventArgs : EventArgs
{
    /// <summary>Creates the event data.</summary>
    public AuthStateChangedEventArgs(AuthChangeReason reason, AuthStatus status)
    {
        Reason = reason;
        Status = status;
    }

    /// <summary>What caused the change.</summary>
    public AuthChangeReason Reason { get; }

    /// <summary>The engine's status after the change (often <see cref="AuthStatus.Unknown"/> until the next check).</summary>
    public AuthStatus Status { get; }
}
