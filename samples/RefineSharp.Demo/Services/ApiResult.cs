namespace RefineSharp.Demo.Services;

/// <summary>The outcome of a data API call: the value, or the <see cref="ApiFailure"/> a page turns into a message.</summary>
public sealed record ApiResult<T>
{
    /// <summary>The value when <see cref="Failure"/> is <see cref="ApiFailure.None"/>.</summary>
    public T? Value { get; init; }

    /// <summary>Why there is no value; <see cref="ApiFailure.None"/> on success.</summary>
    public ApiFailure Failure { get; init; }

    /// <summary>True when the call answered with a value.</summary>
    public bool Succeeded => Failure is ApiFailure.None;

    /// <summary>The message a page shows for the failure (null on success). Generic: no status code, host or exception text.</summary>
    public string? Message => Failure switch
    {
        ApiFailure.None => null,
        ApiFailure.SignedOut => "Your session has ended. Please sign in again.",
        ApiFailure.Forbidden => "You don't have access to this.",
        _ => "The server could not answer. Please try again later.",
    };
}
