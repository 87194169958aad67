using System.Collections.ObjectModel;
using System.Text;

namespace RefineSharp;

/// <summary>
/// The base of every request sent to an <see cref="AuthProvider"/>: carries the extension bag for values the typed
/// record has no property for (refine passes arbitrary variables, for example an OTP login's phone number and code).
/// </summary>
public abstract record AuthRequest
{
    private static readonly IReadOnlyDictionary<string, object?> NoExtra =
        new ReadOnlyDictionary<string, object?>(new Dictionary<string, object?>(StringComparer.Ordinal));

    /// <summary>Values beyond the typed properties, keyed by name (ordinal, case-sensitive).</summary>
    public IReadOnlyDictionary<string, object?> Extra { get; init; } = NoExtra;

    /// <summary>Returns the extra value <paramref name="key"/> as a string, or null when it is absent.</summary>
    public string? GetExtraString(string key) =>
        Extra.TryGetValue(key, out var value) ? value?.ToString() : null;

    /// <summary>
    /// Prints the request like a record, with every secret (a property or <see cref="Extra"/> key named like a
    /// password, token, code or secret) shown as <c>***</c>. Sealed, so a derived request cannot print its secrets.
    /// </summary>
    public sealed override string ToString() => RequestPrinter.Print(this);

    /// <summary>Prints <see cref="Extra"/> with secret values redacted (the record's member printer).</summary>
    protected virtual bool PrintMembers(StringBuilder builder) => RequestPrinter.AppendMembers(builder, this, typeof(AuthRequest));
}
