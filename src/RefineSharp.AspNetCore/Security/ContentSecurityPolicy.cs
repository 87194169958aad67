namespace RefineSharp.AspNetCore.Security;

/// <summary>
/// Builds the <c>Content-Security-Policy</c> header: scripts only from this origin or with this response's nonce (the
/// one inline script Blazor renders is its import map), never <c>'unsafe-inline'</c> or <c>'unsafe-eval'</c> for
/// scripts; everything else from this origin plus the configured sources; no plugins, no framing, no foreign
/// <c>&lt;base&gt;</c>, forms post only to this origin (or the configured form-action sources).
/// </summary>
internal static class ContentSecurityPolicy
{
    public static string Build(RefineSecurityHeadersOptions options, string nonce)
    {
        var script = new List<string> { "'self'", $"'nonce-{nonce}'" };
        if (options.AllowWebAssembly)
        {
            script.Add("'wasm-unsafe-eval'");
        }

        var style = new List<string> { "'self'" };
        if (options.AllowInlineStyles)
        {
            style.Add("'unsafe-inline'");
        }

        return string.Join("; ",
            "default-src 'self'",
            Directive("script-src", script, options.ScriptSources),
            Directive("style-src", style, options.StyleSources),
            Directive("img-src", ["'self'"], options.ImageSources),
            Directive("font-src", ["'self'"], options.FontSources),
            Directive("connect-src", ["'self'"], options.ConnectSources),
            "object-src 'none'",
            "base-uri 'self'",
            Directive("form-action", ["'self'"], options.FormActionSources),
            "frame-ancestors 'none'");
    }

    private static string Directive(string name, IEnumerable<string> fixedSources, IEnumerable<string> extra) =>
        name + " " + string.Join(' ', fixedSources.Concat(extra.Select(s => s.Trim())).Distinct(StringComparer.Ordinal));
}
