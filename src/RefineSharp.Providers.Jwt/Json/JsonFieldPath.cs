using System.Text.Json;

namespace RefineSharp.Providers.Jwt.Json;

/// <summary>Reads a configured field (a property name, or a dotted path into nested objects) out of a JSON answer, never throwing.</summary>
internal static class JsonFieldPath
{
    /// <summary>The element at <paramref name="path"/>, or false when a step is missing or not an object.</summary>
    public static bool TryGet(JsonElement root, string path, out JsonElement value)
    {
        value = root;
        foreach (var step in path.Split('.'))
        {
            if (value.ValueKind != JsonValueKind.Object || !value.TryGetProperty(step, out value))
            {
                value = default;
                return false;
            }
        }

        return true;
    }

    /// <summary>A string at <paramref name="path"/>; a number is read as its JSON text (ids are often numbers).</summary>
    public static string? GetText(JsonElement root, string path) =>
        TryGet(root, path, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Number => value.GetRawText(),
                _ => null,
            }
            : null;

    /// <summary>A positive number of seconds at <paramref name="path"/> (a number or a numeric string), or null.</summary>
    public static double? GetSeconds(JsonElement root, string path)
    {
        if (!TryGet(root, path, out var value))
        {
            return null;
        }

        double seconds;
        if (value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out seconds))
        {
            return seconds is > 0 and <= MaxLifetimeSeconds ? seconds : null;
        }

        return value.ValueKind == JsonValueKind.String &&
               double.TryParse(value.GetString(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out seconds) &&
               seconds is > 0 and <= MaxLifetimeSeconds
            ? seconds
            : null;
    }

    /// <summary>Strings at <paramref name="path"/>: an array of strings (other items skipped) or one string.</summary>
    public static IReadOnlyList<string> GetStrings(JsonElement root, string path)
    {
        if (!TryGet(root, path, out var value))
        {
            return [];
        }

        return value.ValueKind switch
        {
            JsonValueKind.String when value.GetString() is { Length: > 0 } one => [one],
            JsonValueKind.Array => [.. value.EnumerateArray().Where(i => i.ValueKind == JsonValueKind.String).Select(i => i.GetString()!).Where(s => s.Length > 0).Distinct(StringComparer.Ordinal)],
            _ => [],
        };
    }

    /// <summary>The names of the top-level properties, to say in a log what the answer held instead (names, never values).</summary>
    public static string DescribeShape(JsonElement root) =>
        root.ValueKind == JsonValueKind.Object
            ? "{ " + string.Join(", ", root.EnumerateObject().Take(20).Select(p => p.Name.Length > 40 ? p.Name[..40] : p.Name)) + " }"
            : root.ValueKind.ToString();

    // Ten years: anything longer is nonsense and would overflow an expiry near DateTimeOffset.MaxValue.
    private const double MaxLifetimeSeconds = 10 * 365.25 * 24 * 3600;
}
