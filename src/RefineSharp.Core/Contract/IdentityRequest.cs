namespace RefineSharp;

/// <summary>The parameters of an identity query; they are part of the query's cache key.</summary>
public record IdentityRequest : AuthRequest;
