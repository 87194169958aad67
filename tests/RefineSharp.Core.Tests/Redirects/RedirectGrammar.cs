using System.Text;
using CsCheck;

namespace RefineSharp.Tests.Redirects;

/// <summary>
/// A CsCheck grammar of redirect targets: schemes (any case, with tabs and newlines inside, encoded colons), slashes
/// and backslashes, percent and double encodings, whitespace and control characters, Unicode look-alikes of "/", ":"
/// and ".", dot segments, very long values, and real-looking app paths. Shared by the engine tests and the Chromium
/// differential test (tests/RefineSharp.E2E.Tests/Redirects).
/// </summary>
public static class RedirectGrammar
{
    private static readonly string[] Schemes =
        ["javascript", "JaVaScRiPt", "JAVASCRIPT", "data", "DaTa", "vbscript", "http", "https", "HTTPS", "HtTpS", "file", "blob", "mailto", "ftp", "ws"];

    private static readonly string[] Colons = [":", ":", ":", "%3A", "%3a", "%253A", "%25253a", "\uFF1A", "%EF%BC%9A", "\u2236", "\uFE13", "\u02D0", "%u003A", "&#58;"];

    private static readonly string[] Slashes =
        ["/", "//", "///", "\\", "\\\\", "/\\", "\\/", "%2F", "%2f%2F", "%5C", "%5c%5C", "%252F", "%252F%252F", "%25252F", "%255C",
         "\u2215", "\u2215\u2215", "\uFF0F", "\uFF0F\uFF0F", "\u2044", "\u29F8", "%E2%88%95", "%EF%BC%8F%EF%BC%8F", "%C0%AF", "%C0%AF%C0%AF", "%E0%80%AF", "/%09/", "/\t/", "/\n/", "/ /"];

    private static readonly string[] Hosts =
        ["evil.example", "evil.example:8080", "EVIL.example", "evil\u3002example", "evil%E3%80%82example", "evil\uFF0Eexample", "evil\uFF61example",
         "127.0.0.1", "[::1]", "user:pass@evil.example", "@evil.example", "alert(document.domain)", "alert(1)", "text/html,<script>alert(1)</script>",
         "text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==", "msgbox(1)", "%65vil.example"];

    private static readonly string[] Segments =
        ["posts", "posts/42/edit", "dashboard", "a", "b", "caf%C3%A9", "%C3%A9t%C3%A9", "a:b", "x%2Fy", "my%20docs", "100%25", "~user", "a.b", "...",
         ".", "..", "%2e", "%2e%2e", "%2E.", ".%2E", "%252e%252e", "..%2f", "..\\", "%5C..", "\u00e9", "\u2215", "\uFF0F", "\u3002", "%00", "%0A", "%0d%0a",
         "%09", "\u0000", "\u007f", "\u0085", "\u00a0", "\u200b", "\u202e", "\u2028", "\ufeff", "\u3000", "%E2%80%AE", "%EF%BB%BF", "%EF%BD%8A", "%F0%9F%98%80"];

    private static readonly string[] Tails =
        ["", "", "", "?page=2", "?page=2&q=a%20b", "?q=a+b", "#top", "#frag", "?to=//evil.example", "?to=%2F%2Fevil.example", "#?to=//evil.example",
         "#x?to=/javascript:alert(1)", "?x=%0a", "?x=%00", "?a=|{}^`", "?a=\"<>\"", "#a#b", "?%", "?x=%zz", "?q=\u00e9", "? x", "#\t"];

    private static readonly string[] Noise =
        ["\t", "\n", "\r", "\0", " ", "\u000b", "\u000c", "\u001f", "\u007f", "\u00a0", "\u1680", "\u2000", "\u2028", "\u2029", "\u3000", "\u200b", "\ufeff",
         "\u2215", "\uFF0F", "\uFF1A", "\u3002", "\uFF0E", "\\", "/", ":", ".", "%", "%25", "%2F", "%5C", "%3A", "%2e", "@", "?", "#", "&", "=", ";", "'", "\"", "<", ">"];

    private static readonly string[] RealPaths =
        ["/", "/posts", "/posts?page=2&q=a%20b", "/a/b#frag", "/%C3%A9t%C3%A9", "/posts/42/edit", "/dashboard?currentPage=1&pageSize=2", "/search?q=a+b%20c",
         "/a/b?x=%2F%2F", "/login?to=%2Fposts", "/orders/7?tab=items#lines", "/admin", "/users/me"];

    /// <summary>A scheme with a tab, newline or carriage return inserted, mixed case, or a character percent-encoded.</summary>
    public static readonly Gen<string> Scheme =
        Gen.Select(Gen.OneOf(Schemes), Gen.Int[0, 4], Gen.Int[0, 64], (scheme, mutation, at) =>
        {
            var i = at % (scheme.Length + 1);
            return mutation switch
            {
                1 => scheme.Insert(i, "\t"),
                2 => scheme.Insert(i, "\n"),
                3 => scheme.Insert(i, "\r"),
                4 when i < scheme.Length => scheme[..i] + "%" + ((int)scheme[i]).ToString("X2", System.Globalization.CultureInfo.InvariantCulture) + scheme[(i + 1)..],
                _ => scheme,
            };
        });

    /// <summary>"scheme:" plus what may follow it ("//host", "host", an encoded "//").</summary>
    public static readonly Gen<string> SchemePart =
        Gen.Select(Scheme, Gen.OneOf(Colons), Gen.OneOf(["", "//", "/", "\\\\", "%2F%2F", "/\\", "\t//"]), Gen.OneOf(Hosts),
            (scheme, colon, slashes, host) => scheme + colon + slashes + host);

    /// <summary>Path segments joined by "/" (some of them dot segments or look-alikes).</summary>
    public static readonly Gen<string> PathPart =
        Gen.OneOf(Segments).Array[0, 4].Select(segments => string.Join("/", segments));

    /// <summary>A hostile or odd target built from the parts above, sometimes encoded once or twice after the leading "/".</summary>
    public static readonly Gen<string> Composed =
        Gen.Select(
            Gen.OneOf(["", "/", "/", "/", "//", "\\", " /", "\t/", "\u00a0/", "%2F"]),
            Gen.Frequency((3, SchemePart), (2, Gen.OneOf(Slashes).Select(s => s + "evil.example")), (3, Gen.Const(string.Empty))),
            PathPart,
            Gen.OneOf(Tails),
            Gen.Int[0, 9],
            (lead, head, path, tail, encode) =>
            {
                var rest = head + (head.Length > 0 && path.Length > 0 ? "/" : string.Empty) + path + tail;
                rest = encode switch
                {
                    0 => Uri.EscapeDataString(rest),
                    1 => Uri.EscapeDataString(Uri.EscapeDataString(rest)),
                    2 => rest.ToUpperInvariant(),
                    _ => rest,
                };
                return lead + rest;
            });

    /// <summary>A real-looking app path with one noise token inserted at a random place.</summary>
    public static readonly Gen<string> Noisy =
        Gen.Select(Gen.OneOf(RealPaths), Gen.OneOf(Noise), Gen.Int[0, 64], (path, noise, at) => path.Insert(at % (path.Length + 1), noise));

    /// <summary>Values around <see cref="LocalRedirect.MaxLength"/>, some with a hostile end.</summary>
    public static readonly Gen<string> Long =
        Gen.Select(Gen.Int[LocalRedirect.MaxLength - 40, LocalRedirect.MaxLength + 40], Gen.OneOf(["a", "ab/", "%41", "../", "%2e%2e/"]), Gen.OneOf(["", "//evil.example", "?x=1"]),
            (length, unit, end) =>
            {
                var builder = new StringBuilder("/");
                while (builder.Length + end.Length < length)
                {
                    builder.Append(unit);
                }

                return builder.ToString()[..Math.Max(1, length - end.Length)] + end;
            });

    /// <summary>Arbitrary short strings over a hostile alphabet, for what the structured parts miss.</summary>
    public static readonly Gen<string> Random =
        Gen.OneOf([.. Noise, "a", "b", "e", "v", "i", "l", "x", "/", "/", "//", "javascript", "https", "1"]).Array[1, 12].Select(parts => "/" + string.Concat(parts));

    /// <summary>The whole grammar: mostly hostile, a fifth real-looking paths.</summary>
    public static readonly Gen<string> Candidate =
        Gen.Frequency((5, Composed), (3, Noisy), (2, Random), (2, Gen.OneOf(RealPaths)), (1, Long));

    /// <summary>Ordinary app paths that the rule must accept, so that it is not "refuse everything".</summary>
    public static IReadOnlyList<string> Ordinary => RealPaths;
}
