namespace RefineSharp;

/// <summary>The parameters of a permissions query; they are part of the query's cache key.</summary>
public record PermissionsRequest : AuthRequest;
