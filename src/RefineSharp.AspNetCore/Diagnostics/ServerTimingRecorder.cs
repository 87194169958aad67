using System.Globalization;
using System.Text;

namespace RefineSharp.AspNetCore.Diagnostics;

/// <summary>
/// The timings of one request: named parts (password hash, session store, database, outgoing calls) summed with
/// their count. The current request's recorder flows with the async context, so code deep in a provider records into
/// the request that caused it without being passed anything.
/// </summary>
internal sealed class ServerTimingRecorder
{
    private static readonly AsyncLocal<ServerTimingRecorder?> CurrentRecorder = new();

    // Insertion order is kept so the header reads in the order the parts first happened.
    private readonly List<(string Name, string? Description, double Milliseconds, int Count)> _entries = [];
    private readonly Lock _gate = new();

    /// <summary>The recorder of the request this code runs for, or null outside a timed request.</summary>
    public static ServerTimingRecorder? Current
    {
        get => CurrentRecorder.Value;
        set => CurrentRecorder.Value = value;
    }

    /// <summary>Adds <paramref name="milliseconds"/> to the part named <paramref name="name"/> (and <paramref name="description"/>).</summary>
    public void Add(string name, string? description, double milliseconds, int count = 1)
    {
        lock (_gate)
        {
            for (var i = 0; i < _entries.Count; i++)
            {
                var e = _entries[i];
                if (e.Name == name && e.Description == description)
                {
                    _entries[i] = (name, description, e.Milliseconds + milliseconds, e.Count + count);
                    return;
                }
            }

            _entries.Add((name, description, milliseconds, count));
        }
    }

    /// <summary>A copy of the parts recorded so far.</summary>
    public IReadOnlyList<(string Name, string? Description, double Milliseconds, int Count)> Snapshot()
    {
        lock (_gate)
        {
            return [.. _entries];
        }
    }

    /// <summary>The parts as a Server-Timing header value, with <paramref name="totalMilliseconds"/> as "total" last.</summary>
    public string ToHeaderValue(double totalMilliseconds)
    {
        var sb = new StringBuilder();
        foreach (var (name, description, ms, count) in Snapshot())
        {
            Append(sb, name, ms, count > 1 || description is not null ? Describe(description, count) : null);
        }

        Append(sb, "total", totalMilliseconds, null);
        return sb.ToString();
    }

    private static string Describe(string? description, int count) =>
        description is null ? "x" + count.ToString(CultureInfo.InvariantCulture)
        : count > 1 ? description + " x" + count.ToString(CultureInfo.InvariantCulture)
        : description;

    private static void Append(StringBuilder sb, string name, double ms, string? description)
    {
        if (sb.Length > 0)
        {
            sb.Append(", ");
        }

        sb.Append(ServerTimingFormat.Token(name)).Append(";dur=").Append(ms.ToString("0.0", CultureInfo.InvariantCulture));
        if (description is not null)
        {
            sb.Append(";desc=\"").Append(ServerTimingFormat.QuotedText(description)).Append('"');
        }
    }
}
