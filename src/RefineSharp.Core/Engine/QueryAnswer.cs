namespace RefineSharp;

/// <summary>A query's answer and whether it may be cached (failures and timeouts may not).</summary>
internal readonly record struct QueryAnswer<T>(T Value, bool Cacheable);
