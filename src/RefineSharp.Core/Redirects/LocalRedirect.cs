namespace RefineSharp;

/// <summary>
/// Decides whether a redirect target is a local path of this app. refine follows any <c>?to=</c> value, an open
/// redirect; RefineSharp follows only paths that start with a single "/" and stay so after percent-decoding.
/// </summary>
public static class LocalRedirect
{
    /// <summary>The longest target accepted; longer ones are treated as hostile.</summary>
    public const int MaxLength = 2048;

    // Decoding more often than this means someone is stacking encodings to smuggle a scheme or "//".
    private const int MaxDecodeRounds = 3;

    /// <summary>True when <paramref name="target"/> is a local path that is safe to navigate to unchanged.</summary>
    public static bool IsLocal(string? target)
    {
        if (string.IsNullOrEmpty(target) || target.Length > MaxLength)
        {
            return false;
        }

        var current = target;
        for (var round = 0; round <= MaxDecodeRounds; round++)
        {
            if (!IsLocalPathForm(current))
            {
                return false;
            }

            var decoded = Decode(current);
            if (decoded is null)
            {
                return false;
            }

            if (decoded == current)
            {
                return true;
            }

            current = decoded;
        }

        return false;
    }

    private static bool IsLocalPathForm(string value)
    {
        if (value.Length == 0 || value[0] != '/')
        {
            return false;
        }

        // "//host" and "/\host" are protocol-relative in browsers.
        if (value.Length > 1 && (value[1] == '/' || value[1] == '\\'))
        {
            return false;
        }

        foreach (var c in value)
        {
            // Browsers strip tabs and newlines and treat "\" as "/", so any of them can turn a path into a host.
            if (char.IsControl(c) || c == '\\' || char.IsWhiteSpace(c) && c != ' ')
            {
                return false;
            }
        }

        // A leading "/ " or trailing spaces are whitespace tricks, never real app paths.
        return value.Trim().Length == value.Length;
    }

    private static string? Decode(string value)
    {
        try
        {
            return Uri.UnescapeDataString(value);
        }
        catch (UriFormatException)
        {
            return null;
        }
    }
}
