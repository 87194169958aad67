namespace RefineSharp;

/// <summary>The parameters of an authentication check; they are part of the check's cache key.</summary>
public record CheckRequest : AuthRequest;
