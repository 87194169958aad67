namespace RefineSharp;

/// <summary>How a provider call ended.</summary>
internal enum ProviderOutcomeKind
{
    Returned,
    ReturnedNull,
    Threw,
    TimedOut,
}

/// <summary>The result of one provider call, with a failure turned into data instead of an exception.</summary>
internal readonly record struct ProviderOutcome<T>(ProviderOutcomeKind Kind, T? Value, Exception? Exception)
{
    public bool HasValue => Kind == ProviderOutcomeKind.Returned;
}
