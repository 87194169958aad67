namespace RefineSharp;

/// <summary>The extra handlers of RefineSharp's authenticated HTTP clients, outermost first.</summary>
public sealed class RefineHttpHandlerOptions
{
    /// <summary>Handler types resolved from the caller's scope, placed inside the <see cref="AuthErrorHandler"/>.</summary>
    public IList<Type> HandlerTypes { get; } = new List<Type>();
}
