namespace RefineSharp.Tests.TestDoubles;

/// <summary>The ways a provider member can misbehave.</summary>
public enum ProviderFault
{
    /// <summary>Throws synchronously.</summary>
    Throws,

    /// <summary>Returns a faulted task.</summary>
    ThrowsAsync,

    /// <summary>Returns a null task.</summary>
    ReturnsNullTask,

    /// <summary>Returns a task whose result is null.</summary>
    ReturnsNull,

    /// <summary>Never completes and ignores its token.</summary>
    Hangs,

    /// <summary>Throws OperationCanceledException on its own, while nobody cancelled.</summary>
    CancelsItself,
}
