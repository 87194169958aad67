using System.Security.Claims;

namespace RefineSharp.Blazor;

/// <summary>Options of the Blazor components (set them with <c>AddBlazor(o =&gt; ...)</c>).</summary>
public sealed class RefineBlazorOptions
{
    /// <summary>The path of the login page, used by links and <see cref="RedirectToLogin"/>. Default: "/login".</summary>
    public string LoginPath { get; set; } = "/login";

    /// <summary>The path of the sign-up page, used by the "Sign up" link. Default: "/register".</summary>
    public string RegisterPath { get; set; } = "/register";

    /// <summary>The path of the forgot-password page, used by the "Forgot password?" link. Default: "/forgot-password".</summary>
    public string ForgotPasswordPath { get; set; } = "/forgot-password";

    /// <summary>How long a success notification stays. Default: 5 seconds.</summary>
    public TimeSpan SuccessNotificationDuration { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long an error notification stays; null keeps it until it is closed. Default: 10 seconds.</summary>
    public TimeSpan? ErrorNotificationDuration { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Turns the provider's identity and permissions into claims for <c>AuthorizeView</c> and <c>[Authorize]</c>.
    /// Default (null): <see cref="UserIdentity"/> becomes NameIdentifier, Name, Email and role claims, a string
    /// identity becomes a Name claim, and permissions that are strings become role claims.
    /// </summary>
    public Func<object?, object?, IEnumerable<Claim>>? ClaimsFactory { get; set; }

    /// <summary>
    /// The name of the BroadcastChannel (and storage key) that tabs of this app use to tell each other about sign-in
    /// changes. Default (null): "refine-sharp-auth" for an app at "/", and "refine-sharp-auth:/app1/" for an app whose
    /// base path is "/app1/", so a sign-out in one app under an origin does not sign another one out.
    /// </summary>
    public string? CrossTabChannel { get; set; }

    /// <summary>
    /// True when the provider can answer during prerendering because nothing it needs lives in the browser (server-side
    /// sessions): guards, views and the claims bridge then render the real state in the first HTML, and a signed-out
    /// user is redirected by the server. Set by <c>AddServerSessions()</c>. Default: false (prerendering shows Loading).
    /// </summary>
    public bool ResolveDuringPrerender { get; set; }

    /// <summary>
    /// App paths that the engine's navigations reach with a full page load instead of interactive routing: pages
    /// marked <c>[ExcludeFromInteractiveRouting]</c>, which an interactive router does not find. <c>AddServerSessions()</c>
    /// adds the login, sign-up and forgot-password paths (the static sign-in pages). Default: empty.
    /// </summary>
    public ISet<string> FullPageLoadPaths { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
}
