namespace RefineSharp;

/// <summary>What the engine knows about the user right now.</summary>
public enum AuthStatus
{
    /// <summary>No check has answered since the last change (at start, during prerender, after an invalidation).</summary>
    Unknown,

    /// <summary>The last check said the user is authenticated.</summary>
    Authenticated,

    /// <summary>The last check said the user is not authenticated (or failed, which counts the same).</summary>
    Unauthenticated,
}
