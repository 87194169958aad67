using System.Text;

namespace RefineSharp.AspNetCore.Diagnostics;

/// <summary>
/// Keeps Server-Timing values well formed whatever a name or a request path contains: a name is an RFC 9110 token, a
/// description a quoted string with no quote, backslash or control character left in it (a path is attacker input).
/// </summary>
internal static class ServerTimingFormat
{
    private const int MaxDescription = 80;
    private const int MaxName = 32;

    /// <summary><paramref name="name"/> cut to 32 characters, with every character that is not a token character replaced by '-'.</summary>
    public static string Token(string name)
    {
        var sb = new StringBuilder(Math.Min(name.Length, MaxName));
        foreach (var c in name.Length > MaxName ? name[..MaxName] : name)
        {
            sb.Append(IsTokenChar(c) ? c : '-');
        }

        return sb.Length == 0 ? "-" : sb.ToString();
    }

    /// <summary><paramref name="text"/> cut to 80 characters, with anything outside printable ASCII (and '"', '\', ',', ';', so a reader that splits on them cannot be fooled) replaced by '?'.</summary>
    public static string QuotedText(string text)
    {
        var sb = new StringBuilder(Math.Min(text.Length, MaxDescription));
        foreach (var c in text)
        {
            if (sb.Length == MaxDescription)
            {
                break;
            }

            sb.Append(c is >= ' ' and <= '~' and not '"' and not '\\' and not ',' and not ';' ? c : '?');
        }

        return sb.ToString();
    }

    /// <summary>The method and path of an outgoing call, never its query (which could carry a secret).</summary>
    public static string Call(string method, Uri? uri) =>
        uri is null ? method : method + " " + (uri.IsAbsoluteUri ? uri.AbsolutePath : uri.OriginalString.Split('?', '#')[0]);

    private static bool IsTokenChar(char c) =>
        c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9')
            or '!' or '#' or '$' or '%' or '&' or '\'' or '*' or '+' or '-' or '.' or '^' or '_' or '`' or '|' or '~';
}
