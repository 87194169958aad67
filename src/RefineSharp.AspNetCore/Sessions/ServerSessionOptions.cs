using System.ComponentModel.DataAnnotations;

namespace RefineSharp.AspNetCore.Sessions;

/// <summary>Options of the server-side session (set them with <c>AddServerSessions(o =&gt; ...)</c>).</summary>
public sealed class ServerSessionOptions
{
    /// <summary>The authentication scheme of the session cookie. Default: "RefineSharp.Session".</summary>
    public const string Scheme = "RefineSharp.Session";

    /// <summary>The default scheme that picks the session cookie for pages and the app's own scheme for requests with an Authorization header.</summary>
    public const string SelectorScheme = "RefineSharp.SessionOrApp";

    /// <summary>
    /// The cookie's name. Default: "__Host-refine" (the prefix makes browsers refuse it unless it is Secure, host-only
    /// and for path "/"); over plain HTTP (a development loopback) ".refine.session" is used instead.
    /// </summary>
    [Required]
    public string CookieName { get; set; } = "__Host-refine";

    /// <summary>The cookie name used when the request is not HTTPS (browsers drop "__Host-" cookies there). Default: ".refine.session".</summary>
    [Required]
    public string InsecureCookieName { get; set; } = ".refine.session";

    /// <summary>How long a session without "Remember me" lasts since the last request that renewed it (sliding). Default: 8 hours.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00")]
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromHours(8);

    /// <summary>How long a "Remember me" session (a persistent cookie) lasts since sign-in. Default: 14 days.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "400.00:00:00")]
    public TimeSpan RememberMeLifetime { get; set; } = TimeSpan.FromDays(14);

    /// <summary>The name of the posted form field that asks for "Remember me" during a form sign-in. Default: "remember".</summary>
    [Required]
    public string RememberMeFormField { get; set; } = "remember";

    /// <summary>The prefix of the keys under which sessions live in the <c>IDistributedCache</c>. Default: "refine:session:".</summary>
    [Required]
    public string CacheKeyPrefix { get; set; } = "refine:session:";
}
