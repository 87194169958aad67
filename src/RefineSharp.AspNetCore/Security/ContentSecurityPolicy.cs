namespace RefineSharp.AspNetCore.Security;

/// <summary>
/// Builds the <c>Content-Security-Policy</c> header: scripts only from this origin or with this response's nonce (the
/// one inline script Blazor renders is its import map), never <c>'unsafe-inline'</c> or <c>'unsafe-eval'</c> for
/// scripts; everything else from this origin plus the configured sources; no plugins, no framing, no foreign
/// <c>&lt;base&gt;</c>, forms post only to this origin (or the configured form-action sources).
/// </summary>
internal sealed class ContentSecurityPolicy
{
    // Everything but the nonce is fixed once the options are: built once, then joined around each response's nonce.
    private const string NonceSlot = "\0";
    private readonly string _beforeNonce;
    private readonly string _afterNonce;

    public ContentSecurityPolicy(RefineSecurityHeadersOptions options)
    {
        var policy = Build(options, NonceSlot);
        var slot = policy.IndexOf(NonceSlot, StringComparison.Ordinal);
        _beforeNonce = policy[..slot];
        _afterNonce = policy[(slot + NonceSlot.Length)..];
    }

    /// <summary>The header for one response.</summary>
    public string For(string nonce) => string.Concat(_beforeNonce, nonce, _afterNonce);

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
