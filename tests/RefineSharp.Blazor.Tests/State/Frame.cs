using System.Text.RegularExpressions;

namespace RefineSharp.Blazor.Tests.State;

/// <summary>What every consumer of <see cref="AuthConsumers"/> showed in one rendered frame (one render batch).</summary>
internal sealed partial record Frame(IReadOnlyDictionary<string, string> Views)
{
    public string State => Views["state0"];

    public string Status => State.Split('|')[0];

    public long Version => long.Parse(State.Split('|')[1], System.Globalization.CultureInfo.InvariantCulture);

    public static Frame Read(string markup) =>
        new(ViewPattern().Matches(markup).ToDictionary(m => m.Groups[1].Value, m => System.Net.WebUtility.HtmlDecode(m.Groups[2].Value)));

    /// <summary>
    /// Null when every view shows what the cascaded snapshot says (loading, signed out, or signed in with its identity
    /// and permissions), else what disagrees.
    /// </summary>
    public string? Disagreement()
    {
        foreach (var (key, value) in Views.Where(v => v.Key.StartsWith("state", StringComparison.Ordinal)))
        {
            if (value != State)
            {
                return $"{key} shows {value}, state0 shows {State}";
            }
        }

        var parts = State.Split('|');
        var (guard, identity, permissions, authorize) = parts[0] switch
        {
            "Unknown" => ("loading", "loading", "loading", "loading"),
            "Unauthenticated" => ("out", "-", "-", "out"),
            _ => ("in", parts[2], parts[3], parts[2]),
        };
        var expected = new Dictionary<string, string> { ["guard"] = guard, ["identity"] = identity, ["permissions"] = permissions, ["authorize"] = authorize };
        foreach (var (key, value) in Views)
        {
            var view = key.TrimEnd('0', '1', '2', '3', '4', '5', '6', '7', '8', '9');
            if (expected.TryGetValue(view, out var want) && want != value)
            {
                return $"{key} shows '{value}' while the state is {State} (expected '{want}')";
            }
        }

        return null;
    }

    public override string ToString() => string.Join(" ", Views.OrderBy(v => v.Key, StringComparer.Ordinal).Select(v => $"{v.Key}={v.Value}"));

    [GeneratedRegex("<span class=\"view\" data-view=\"([a-z]+[0-9]+)\">([^<]*)</span>")]
    private static partial Regex ViewPattern();
}
