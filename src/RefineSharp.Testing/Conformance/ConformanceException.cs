namespace RefineSharp.Testing.Conformance;

/// <summary>
/// Thrown when a provider breaks refine's contract in a conformance case. Every test framework reports an exception
/// as a failed test, so the suite needs none of them.
/// </summary>
public sealed class ConformanceException : Exception
{
    /// <summary>Creates the exception for a broken rule.</summary>
    public ConformanceException()
    {
    }

    /// <summary>Creates the exception with the rule that was broken and what the provider did instead.</summary>
    public ConformanceException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with the rule that was broken and the exception the provider threw.</summary>
    public ConformanceException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
