namespace RefineSharp.Providers.AspNetIdentity;

/// <summary>Options of the <see cref="AspNetIdentityAuthProvider"/>; endpoint paths default to what <c>MapIdentityApi&lt;TUser&gt;()</c> maps.</summary>
public sealed class AspNetIdentityAuthOptions
{
    /// <summary>The name of the HttpClient the provider uses (configure its primary handler through IHttpClientFactory).</summary>
    public const string HttpClientName = "RefineSharp.AspNetIdentity";

    /// <summary>Where the Identity API is mapped, for example <c>https://api.example.com/identity</c>; endpoint paths are appended to it.</summary>
    public Uri? BaseAddress { get; set; }

    /// <summary>
    /// Finds the base address at run time from the caller's scope (for example the app's own listening address,
    /// known only after the server started); used when <see cref="BaseAddress"/> is null.
    /// </summary>
    public Func<IServiceProvider, Uri?>? BaseAddressResolver { get; set; }

    /// <summary>The login endpoint (bearer tokens are requested). Default: "/login".</summary>
    public string LoginEndpoint { get; set; } = "/login";

    /// <summary>The refresh endpoint. Default: "/refresh".</summary>
    public string RefreshEndpoint { get; set; } = "/refresh";

    /// <summary>The register endpoint. Default: "/register".</summary>
    public string RegisterEndpoint { get; set; } = "/register";

    /// <summary>The forgot-password endpoint. Default: "/forgotPassword".</summary>
    public string ForgotPasswordEndpoint { get; set; } = "/forgotPassword";

    /// <summary>The reset-password endpoint (reset code from the email). Default: "/resetPassword".</summary>
    public string ResetPasswordEndpoint { get; set; } = "/resetPassword";

    /// <summary>The account endpoint (GET identity, POST new password). Default: "/manage/info".</summary>
    public string InfoEndpoint { get; set; } = "/manage/info";

    /// <summary>
    /// An endpoint returning the signed-in user's roles as a JSON string array (map one with
    /// <c>MapIdentityRoles&lt;TUser&gt;()</c> from RefineSharp.Providers.AspNetIdentity.Server); null for no permissions.
    /// Default: "/manage/roles".
    /// </summary>
    public string? PermissionsEndpoint { get; set; } = "/manage/roles";

    /// <summary>
    /// The profile endpoint: GET gives the display name and avatar, POST changes them and starts an email change (map
    /// it with <c>MapIdentityProfile&lt;TUser&gt;()</c> from RefineSharp.Providers.AspNetIdentity.Server); null for no
    /// profile (the identity then shows the email as the name). Default: "/manage/profile".
    /// </summary>
    public string? ProfileEndpoint { get; set; } = "/manage/profile";

    /// <summary>An endpoint told about a logout (POST with the bearer token); null (the default) because MapIdentityApi has none.</summary>
    public string? LogoutEndpoint { get; set; }

    /// <summary>The app's login page: where logout, a failed check and a 401 send the user. Default: "/login".</summary>
    public string LoginPath { get; set; } = "/login";

    /// <summary>Where a successful login or registration goes when the request names no path. Default: "/".</summary>
    public string AfterLoginPath { get; set; } = "/";

    /// <summary>Whether a successful registration signs the new user in right away. Default: true.</summary>
    public bool SignInAfterRegister { get; set; } = true;

    /// <summary>Builds the avatar URL from the user's email; default: an SVG data URL with the email's initial.</summary>
    public Func<string, string?> AvatarUrl { get; set; } = InitialsAvatar.For;
}
