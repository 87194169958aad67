namespace RefineSharp.Blazor;

/// <summary>
/// The forms' email check, deliberately loose like the UI kits refine uses: something@something.something with no
/// white space, i.e. what <c>^[^@\s]+@[^@\s]+\.[^@\s]+$</c> matches. Written without <see cref="System.Text.RegularExpressions.Regex"/>
/// so that a WebAssembly app does not download the regex engine for it (about 86 KB compressed; docs/performance.md,
/// run 7). The tests hold it equal to that regular expression on generated input.
/// </summary>
internal static class EmailShape
{
    /// <summary>Whether <paramref name="value"/> has one '@' between two non-empty parts, a '.' inside the second part, and no white space.</summary>
    public static bool IsPlausible(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var at = -1;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsWhiteSpace(c))
            {
                return false;
            }

            if (c == '@')
            {
                if (at >= 0)
                {
                    return false;
                }

                at = i;
            }
        }

        // A non-empty part before the '@', and a '.' with at least one character of the domain before it and one after.
        if (at <= 0 || at + 2 >= value.Length)
        {
            return false;
        }

        var dot = value.IndexOf('.', at + 2);
        return dot >= 0 && dot < value.Length - 1;
    }
}
