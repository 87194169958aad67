namespace RefineSharp;

/// <summary>An error met by a data call, handed to <see cref="AuthProvider.OnErrorAsync"/> to decide what follows.</summary>
public record OnErrorRequest : AuthRequest
{
    /// <summary>The HTTP status code of the failed call, when there was one.</summary>
    public int? StatusCode { get; init; }

    /// <summary>The exception of the failed call, when there was one.</summary>
    public Exception? Exception { get; init; }

    /// <summary>Any other description of the error (refine passes the raw error object).</summary>
    public object? Error { get; init; }
}
