using System.Text.Json;

namespace RefineSharp;

/// <summary>Builds a query's cache key from its parameters (refine v5 drops them; RefineSharp keeps them apart).</summary>
internal static class QueryKey
{
    /// <summary>Marks a request whose parameters cannot be turned into a key; such queries are not cached.</summary>
    public const string Uncacheable = "\0uncacheable";

    /// <summary>Null for a request without parameters (the fast slot), otherwise a stable text key.</summary>
    public static string? For(AuthRequest? request, Type baseType)
    {
        if (request is null)
        {
            return null;
        }

        var derived = request.GetType() != baseType;
        if (!derived && request.Extra.Count == 0)
        {
            return null;
        }

        try
        {
            var sorted = new SortedDictionary<string, object?>(request.Extra.ToDictionary(), StringComparer.Ordinal);
            var key = JsonSerializer.Serialize(sorted);
            return derived ? request.GetType().FullName + "|" + JsonSerializer.Serialize(request, request.GetType()) + "|" + key : key;
        }
        catch (Exception ex) when (ex is NotSupportedException or JsonException or InvalidOperationException)
        {
            return Uncacheable;
        }
    }
}
