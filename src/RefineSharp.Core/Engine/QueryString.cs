namespace RefineSharp;

/// <summary>Reads the query parameters of a URI or path (the first value of each name wins).</summary>
internal static class QueryString
{
    public static IReadOnlyDictionary<string, string> Parse(string uri)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        var start = uri.IndexOf('?', StringComparison.Ordinal);
        if (start < 0)
        {
            return result;
        }

        var end = uri.IndexOf('#', start);
        var query = end < 0 ? uri[(start + 1)..] : uri[(start + 1)..end];
        foreach (var pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            var name = Decode(eq < 0 ? pair : pair[..eq]);
            var value = eq < 0 ? string.Empty : Decode(pair[(eq + 1)..]);
            if (name.Length > 0)
            {
                result.TryAdd(name, value);
            }
        }

        return result;
    }

    private static string Decode(string value)
    {
        try
        {
            return Uri.UnescapeDataString(value.Replace('+', ' '));
        }
        catch (UriFormatException)
        {
            return value;
        }
    }
}
