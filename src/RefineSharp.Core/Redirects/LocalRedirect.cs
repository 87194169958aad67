using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace RefineSharp;

/// <summary>
/// The one redirect rule. A target is an app-relative reference ("/posts?page=2" means the page "posts" under the app's
/// base path); it is followed only if, resolved against the app's base URI the way a browser resolves it, it keeps
/// scheme, host and port and stays under the base path. refine follows any <c>?to=</c> value, an open redirect.
/// </summary>
/// <remarks>
/// Accepted: "/" followed by RFC 3986 path characters, then an optional query and fragment. Refused, in the raw value
/// and in every percent-decoded form of it: a scheme-like ":" in the first segment, "//" or "\" in the path, dot
/// segments, an encoded "?" or "#" in the path, control and format characters, whitespace other than an inner space, non-ASCII characters that are not
/// letters or digits or that fold to ASCII (look-alikes of "/", ":" and "."), more than three stacked encodings,
/// undecodable escapes, and values longer than <see cref="MaxLength"/>. docs/redirects.md has the rule and its oracle test.
/// </remarks>
public static class LocalRedirect
{
    /// <summary>The longest target accepted; longer ones are treated as hostile.</summary>
    public const int MaxLength = 2048;

    // Decoding more often than this means someone is stacking encodings to smuggle a scheme or "//".
    private const int MaxDecodeRounds = 3;

    // RFC 3986 pchar without "%" (checked separately) plus "/": the only characters a raw path may hold.
    private const string PathSymbols = "-._~!$&'()*+,;=:@/";

    // A raw query or fragment may also hold "?" and the characters browsers leave unescaped there.
    private const string QuerySymbols = PathSymbols + "?|^{}`";

    /// <summary>True when <paramref name="target"/> is a local app-relative path that is safe to navigate to unchanged.</summary>
    public static bool IsLocal([NotNullWhen(true)] string? target)
    {
        if (string.IsNullOrEmpty(target) || target.Length > MaxLength || target[0] != '/')
        {
            return false;
        }

        var queryStart = target.IndexOfAny(['?', '#']);
        var path = queryStart < 0 ? target : target[..queryStart];
        string query = string.Empty, fragment = string.Empty;
        if (queryStart >= 0)
        {
            var hash = target.IndexOf('#', queryStart);
            query = target[queryStart] == '?' ? target[(queryStart + 1)..(hash < 0 ? target.Length : hash)] : string.Empty;
            fragment = hash < 0 ? string.Empty : target[(hash + 1)..];
        }

        return HasOnly(path, PathSymbols)
            && HasOnly(query, QuerySymbols)
            && HasOnly(fragment, QuerySymbols) && !fragment.Contains('#', StringComparison.Ordinal)
            && IsSafePathInEveryDecoding(path)
            && IsSafeTextInEveryDecoding(query)
            && IsSafeTextInEveryDecoding(fragment);
    }

    /// <summary>
    /// Builds the absolute URI of <paramref name="target"/> under <paramref name="baseUri"/> (an absolute http(s) URI
    /// ending in "/", such as Blazor's <c>NavigationManager.BaseUri</c>): the base followed by the target without its
    /// leading "/". False when the target is not local or the result would leave the base's origin or path.
    /// </summary>
    public static bool TryResolve(string baseUri, string? target, [NotNullWhen(true)] out string? absoluteUri)
    {
        absoluteUri = null;
        if (!IsLocal(target) || !TryParseBase(baseUri, out var root))
        {
            return false;
        }

        var candidate = baseUri + target[1..];
        if (!Uri.TryCreate(candidate, UriKind.Absolute, out var resolved)
            || !string.Equals(resolved.Scheme, root.Scheme, StringComparison.Ordinal)
            || !string.Equals(resolved.Host, root.Host, StringComparison.OrdinalIgnoreCase)
            || resolved.Port != root.Port
            || !string.IsNullOrEmpty(resolved.UserInfo)
            || !resolved.AbsolutePath.StartsWith(root.AbsolutePath, StringComparison.Ordinal))
        {
            return false;
        }

        absoluteUri = candidate;
        return true;
    }

    /// <summary>A client-controlled value made safe for a log line: at most 200 characters, control and non-ASCII characters escaped.</summary>
    internal static string ForLog(string? value)
    {
        if (value is null)
        {
            return "(null)";
        }

        var shortened = value.Length > 200 ? value[..200] : value;
        var builder = new StringBuilder(shortened.Length + 8);
        foreach (var c in shortened)
        {
            if (c is >= ' ' and < (char)0x7f)
            {
                builder.Append(c);
            }
            else
            {
                builder.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}");
            }
        }

        return value.Length > 200 ? builder.Append("…(").Append(value.Length.ToString(CultureInfo.InvariantCulture)).Append(" chars)").ToString() : builder.ToString();
    }

    private static bool TryParseBase(string? baseUri, [NotNullWhen(true)] out Uri? root)
    {
        root = null;
        return !string.IsNullOrEmpty(baseUri)
            && baseUri.EndsWith('/')
            && baseUri.IndexOfAny(['?', '#', '\\']) < 0
            && baseUri.All(c => c is > ' ' and < (char)0x7f)
            && Uri.TryCreate(baseUri, UriKind.Absolute, out root)
            && root.Scheme is "http" or "https"
            && string.IsNullOrEmpty(root.UserInfo);
    }

    // Raw characters: ASCII letters, digits, the given symbols, and "%" only as the start of a well-formed escape.
    private static bool HasOnly(string value, string symbols)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c == '%')
            {
                if (i + 2 >= value.Length || !char.IsAsciiHexDigit(value[i + 1]) || !char.IsAsciiHexDigit(value[i + 2]))
                {
                    return false;
                }
            }
            else if (!char.IsAsciiLetterOrDigit(c) && !symbols.Contains(c, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsSafePathInEveryDecoding(string path)
    {
        var current = path;
        for (var round = 0; round <= MaxDecodeRounds; round++)
        {
            if (!IsSafePath(current))
            {
                return false;
            }

            var decoded = Uri.UnescapeDataString(current);
            if (decoded == current)
            {
                // Escapes left at the fixed point are bytes that are not UTF-8 (for example an overlong "/"): refuse them.
                return !HasEscape(current);
            }

            current = decoded;
        }

        return false;
    }

    private static bool IsSafeTextInEveryDecoding(string text)
    {
        var current = text;
        for (var round = 0; round <= MaxDecodeRounds; round++)
        {
            foreach (var rune in current.EnumerateRunes())
            {
                var category = Rune.GetUnicodeCategory(rune);
                if (category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator
                    || rune == Rune.ReplacementChar)
                {
                    return false;
                }
            }

            var decoded = Uri.UnescapeDataString(current.Replace('+', ' '));
            if (decoded == current.Replace('+', ' '))
            {
                return true;
            }

            current = decoded;
        }

        return false;
    }

    // One form (raw or decoded) of the path: "/" then segments that a URL parser cannot read as a scheme, a host, a
    // climb out of the base, or something that folds into one of those.
    private static bool IsSafePath(string path)
    {
        if (path.Length == 0 || path[0] != '/' || path.Contains("//", StringComparison.Ordinal) || path.Contains('\\', StringComparison.Ordinal))
        {
            return false;
        }

        // A decoded "?" or "#" would end the path for anything that decodes before it parses ("/x/%2e%2e%3Fq" is "/x/..?q").
        if (path.IndexOfAny(['?', '#']) >= 0)
        {
            return false;
        }

        var segments = path[1..].Split('/');
        if (segments[0].Contains(':', StringComparison.Ordinal))
        {
            return false;
        }

        foreach (var segment in segments)
        {
            if (IsDotSegment(segment) || segment.StartsWith(' ') || segment.EndsWith(' '))
            {
                return false;
            }

            foreach (var rune in segment.EnumerateRunes())
            {
                if (!IsSafePathRune(rune))
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static bool IsSafePathRune(Rune rune)
    {
        if (rune.IsAscii)
        {
            // Printable ASCII; the only whitespace is an inner space (from "%20").
            return rune.Value is >= ' ' and < 0x7f;
        }

        // Non-ASCII only from percent-decoding (raw non-ASCII is refused earlier): letters, marks and decimal digits
        // that do not fold to ASCII under compatibility normalization. Symbols and punctuation (U+2215, U+FF0F, U+FF1A,
        // U+3002, ...) and fullwidth letters are refused.
        var category = Rune.GetUnicodeCategory(rune);
        if (category is not (UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
            or UnicodeCategory.OtherLetter or UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark
            or UnicodeCategory.DecimalDigitNumber))
        {
            return false;
        }

        var folded = rune.ToString().Normalize(NormalizationForm.FormKC);
        return folded.All(c => c >= 0x80);
    }

    // WHATWG URL: "." and ".." and their "%2e" spellings (any case) are dot segments.
    private static bool IsDotSegment(string segment)
    {
        if (segment.Length is 0 or > 6)
        {
            return false;
        }

        var dots = segment.Replace("%2e", ".", StringComparison.OrdinalIgnoreCase);
        return dots is "." or "..";
    }

    private static bool HasEscape(string value)
    {
        for (var i = 0; i + 2 < value.Length; i++)
        {
            if (value[i] == '%' && char.IsAsciiHexDigit(value[i + 1]) && char.IsAsciiHexDigit(value[i + 2]))
            {
                return true;
            }
        }

        return false;
    }
}
