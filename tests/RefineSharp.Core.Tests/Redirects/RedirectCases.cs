namespace RefineSharp.Tests.Redirects;

/// <summary>Redirect targets an attacker could plant (docs/architecture.md difference 1) and local paths that must pass unchanged.</summary>
public static class RedirectCases
{
    public static readonly string[] Hostile =
    [
        // protocol-relative and backslash forms
        "//evil.example",
        "//evil.example/login",
        "///evil.example",
        "/\\evil.example",
        "\\\\evil.example",
        "\\/evil.example",
        "/\\/evil.example",
        "/a\\b",
        // percent-encoded, double- and triple-encoded "//" and "\"
        "/%2Fevil.example",
        "/%2f%2fevil.example",
        "%2F%2Fevil.example",
        "/%5Cevil.example",
        "/%5cevil.example",
        "/%252Fevil.example",
        "/%252F%252Fevil.example",
        "/%25252Fevil.example",
        "/%255Cevil.example",
        "/%2525255Cevil.example",
        "/%%32%46evil.example",
        // schemes, any case
        "https://evil.example",
        "HTTPS://evil.example",
        "http://evil.example/",
        "HtTp://evil.example",
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "vbscript:msgbox(1)",
        "/javascript:alert(1)\\",
        "mailto:a@evil.example",
        // a scheme in the first segment: the leading "/" alone does not make these local (issue 7)
        "/javascript:alert(document.domain)",
        "/JavaScript:alert(1)",
        "/https:evil.example",
        "/http:evil.example/x",
        "/data:text/html,x",
        "/vbscript:msgbox(1)",
        "/javascript%3Aalert(1)",
        "/javascript%253Aalert(1)",
        "/java%09script:alert(1)",
        "/https%3A%2F%2Fevil.example",
        // dot segments, raw and encoded, that climb out of the base path
        "/..",
        "/../evil",
        "/a/../../evil",
        "/./evil",
        "/%2e%2e/evil",
        "/%2E./evil",
        "/.%2e/evil",
        "/%252e%252e/evil",
        "/x/%2e%2e%3Fq",
        "/x/%252e%252e%253Fq",
        "/x/..%23f",
        // Unicode look-alikes of "/", ":" and ".", raw and percent-encoded
        "/\u2215\u2215evil.example",
        "/\uFF0F\uFF0Fevil.example",
        "/https\uFF1Aevil.example",
        "/%E2%88%95%E2%88%95evil.example",
        "/%EF%BC%8F%EF%BC%8Fevil.example",
        "/https%EF%BC%9Aevil.example",
        "/evil%E3%80%82example",
        "/%EF%BD%8Aavascript:alert(1)",
        "/\uFF4Aavascript%3Aalert(1)",
        // overlong UTF-8 for "/" and bidi/format characters
        "/%C0%AF%C0%AFevil.example",
        "/%E2%80%AEelpmaxe.live",
        // the whitespace tricks of the issue
        "/ /evil.example",
        "/%20/evil.example",
        // malformed escapes
        "/%",
        "/%zz",
        "/%2",
        // control characters, raw and encoded
        "/\t/evil.example",
        "/\n/evil.example",
        "/\r/evil.example",
        "/\0evil",
        "/%09/evil.example",
        "/%0a/evil.example",
        "/%0D%0A/evil.example",
        "/%00",
        "/dash\u0085board",
        // whitespace around
        " /dashboard",
        "\t/dashboard",
        "/dashboard ",
        "/dashboard\n",
        "\u00a0/dashboard",
        "/\u3000/evil.example",
        // not a path at all
        "dashboard",
        "evil.example",
        ".",
        "../etc/passwd",
        "?to=/x",
        "#/x",
        // too long
        "/" + new string('a', LocalRedirect.MaxLength),
        "/" + new string('a', 10_000),
        // empty
        "",
        " ",
    ];

    public static readonly string[] Local =
    [
        "/",
        "/dashboard",
        "/posts/42/edit",
        "/posts?page=2&size=10",
        "/posts#top",
        "/posts?page=2&size=10#top",
        "/dashboard?currentPage=1&pageSize=2",
        "/a/b?x=%2F%2F",
        "/search?q=a+b%20c",
        "/caf%C3%A9",
        "/%C3%A9t%C3%A9",
        "/posts?page=2&q=a%20b",
        "/a/b#frag",
        "/posts/a:b",
        "/my%20docs",
        "/100%25",
        "/search?q=a|b",
        "/?page=2",
        "/#top",
        "/" + new string('a', LocalRedirect.MaxLength - 1),
    ];

    public static TheoryData<string> HostileData => [.. Hostile];

    public static TheoryData<string> LocalData => [.. Local];
}
