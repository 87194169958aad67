namespace RefineSharp.AspNetCore.Security;

/// <summary>
/// What <see cref="SecurityHeadersServiceCollectionExtensions.AddRefineSecurityHeaders"/> writes on every response.
/// The defaults are the strictest policy a RefineSharp app runs under (Interactive Server, static sign-in forms); loosen
/// only what your app needs. Every value is checked when the app starts: a source that would inject another directive
/// or allow any script is refused with a message naming the setting.
/// </summary>
public sealed class RefineSecurityHeadersOptions
{
    /// <summary>
    /// Adds <c>'wasm-unsafe-eval'</c> to <c>script-src</c>: Blazor WebAssembly compiles the .NET runtime's WebAssembly
    /// modules, which CSP allows only with this keyword. It allows WebAssembly compilation, not JavaScript <c>eval</c>.
    /// </summary>
    public bool AllowWebAssembly { get; set; }

    /// <summary>
    /// Adds <c>'unsafe-inline'</c> to <c>style-src</c>, for UI kits that write <c>style=""</c> attributes or inline
    /// <c>&lt;style&gt;</c> blocks in their markup. Scripts stay strict whatever this says.
    /// </summary>
    public bool AllowInlineStyles { get; set; }

    /// <summary>Sources allowed for scripts besides this origin and the response's nonce (for example a CDN origin).</summary>
    public IList<string> ScriptSources { get; } = [];

    /// <summary>Sources allowed for style sheets besides this origin.</summary>
    public IList<string> StyleSources { get; } = [];

    /// <summary>Sources allowed for images besides this origin; <c>data:</c> by default (favicons, initials avatars).</summary>
    public IList<string> ImageSources { get; } = ["data:"];

    /// <summary>Sources allowed for fonts besides this origin.</summary>
    public IList<string> FontSources { get; } = [];

    /// <summary>
    /// Sources script may connect to besides this origin (which in CSP Level 3 includes the circuit's WebSocket).
    /// </summary>
    public IList<string> ConnectSources { get; } = [];

    /// <summary>
    /// Sources a form may post to besides this origin: an OpenID Connect server whose sign-in or end-session
    /// endpoint a form posts to.
    /// </summary>
    public IList<string> FormActionSources { get; } = [];

    /// <summary>
    /// <c>Cross-Origin-Opener-Policy</c>; <c>same-origin</c> by default (a page opened from another site gets no
    /// handle on this one), <c>null</c> to send none. See docs/security.md for what it costs on the first page load.
    /// </summary>
    public string? CrossOriginOpenerPolicy { get; set; } = "same-origin";

    /// <summary><c>Referrer-Policy</c>; <c>no-referrer</c> by default (reset links carry their code in the query).</summary>
    public string ReferrerPolicy { get; set; } = "no-referrer";

    /// <summary>Sends <c>Strict-Transport-Security</c> on HTTPS responses outside Development (ASP.NET Core's <c>UseHsts</c>).</summary>
    public bool UseHsts { get; set; } = true;
}
