namespace RefineSharp;

/// <summary>
/// Reads the query parameters of a URI or path (the first value of each name wins). The query is what lies between the
/// first "?" and the first "#": a "?" inside the fragment ("/login#x?to=//evil") is not a query, as in a browser.
/// </summary>
internal static class QueryString
{
    public static IReadOnlyDictionary<string, string> Parse(string uri)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        var hash = uri.IndexOf('#', StringComparison.Ordinal);
        var beforeFragment = hash < 0 ? uri : uri[..hash];
        var start = beforeFragment.IndexOf('?', StringComparison.Ordinal);
        if (start < 0)
        {
            return result;
        }

        var query = beforeFragment[(start + 1)..];
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
