namespace RefineSharp.Tests.Redirects;

/// <summary>Redirect targets an attacker could plant (DESIGN.md difference 1) and local paths that must pass unchanged.</summary>
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
        "/" + new string('a', LocalRedirect.MaxLength - 1),
    ];

    public static TheoryData<string> HostileData => [.. Hostile];

    public static TheoryData<string> LocalData => [.. Local];
}
