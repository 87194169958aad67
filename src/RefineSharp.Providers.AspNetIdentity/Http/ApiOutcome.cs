namespace RefineSharp.Providers.AspNetIdentity.Http;

/// <summary>How a call to the Identity API ended.</summary>
internal enum ApiOutcome
{
    /// <summary>A success status with a readable body.</summary>
    Ok,

    /// <summary>An error status; <see cref="ApiResponse{T}.Problem"/> holds the problem details when the server sent some.</summary>
    Failed,

    /// <summary>No answer: connection refused, DNS, TLS, or the HTTP timeout.</summary>
    Unreachable,

    /// <summary>A success status whose body is not what the Identity API sends.</summary>
    Unreadable,
}
