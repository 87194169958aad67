using System.Globalization;

namespace RefineSharp.AspNetCore.Diagnostics;

/// <summary>Reads the name and duration of each metric of a Server-Timing header (what a nested call of ours sent back).</summary>
internal static class ServerTimingHeader
{
    /// <summary>The metrics with a readable duration; anything malformed is skipped, names are made tokens.</summary>
    public static IEnumerable<(string Name, double Milliseconds)> Parse(IEnumerable<string> values)
    {
        foreach (var value in values)
        {
            foreach (var metric in value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var parts = metric.Split(';', StringSplitOptions.TrimEntries);
                var dur = parts.Skip(1).FirstOrDefault(p => p.StartsWith("dur=", StringComparison.OrdinalIgnoreCase));
                if (parts[0].Length > 0 && dur is not null
                    && double.TryParse(dur.AsSpan(4), NumberStyles.Float, CultureInfo.InvariantCulture, out var ms)
                    && double.IsFinite(ms) && ms >= 0)
                {
                    yield return (ServerTimingFormat.Token(parts[0]), ms);
                }
            }
        }
    }
}
