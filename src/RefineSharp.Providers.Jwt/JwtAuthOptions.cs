namespace RefineSharp.Providers.Jwt;

/// <summary>
/// Where the JWT REST API lives and how its JSON reads. Endpoints are paths relative to <see cref="BaseAddress"/>; field
/// names are JSON property names, or dotted paths into nested objects (<c>data.user.id</c>). Validated when the app
/// starts: a missing or malformed value stops it with a message naming the setting.
/// </summary>
public sealed class JwtAuthOptions
{
    /// <summary>The name of the HttpClient the provider uses (configure its primary handler through IHttpClientFactory).</summary>
    public const string HttpClientName = "RefineSharp.Jwt";

    /// <summary>The API's address, for example <c>https://api.example.com/</c>. Required (or <see cref="BaseAddressResolver"/>).</summary>
    public Uri? BaseAddress { get; set; }

    /// <summary>Finds the API's address at run time from the caller's scope; used when <see cref="BaseAddress"/> is null.</summary>
    public Func<IServiceProvider, Uri?>? BaseAddressResolver { get; set; }

    /// <summary>POST with the credentials, answering the tokens. Default: "auth/login".</summary>
    public string LoginEndpoint { get; set; } = "auth/login";

    /// <summary>GET with the bearer token, answering the user. Default: "auth/me".</summary>
    public string MeEndpoint { get; set; } = "auth/me";

    /// <summary>POST with the refresh token, answering new tokens; null when the API has none (an expired token then ends the session). Default: "auth/refresh".</summary>
    public string? RefreshEndpoint { get; set; } = "auth/refresh";

    /// <summary>POST with the bearer token and the refresh token when the user logs out (revokes them); null when the API has none. Default: "auth/logout".</summary>
    public string? LogoutEndpoint { get; set; } = "auth/logout";

    /// <summary>The credential field of the login request that holds the email. Default: "email".</summary>
    public string LoginEmailField { get; set; } = "email";

    /// <summary>The credential field of the login request that holds the password. Default: "password".</summary>
    public string LoginPasswordField { get; set; } = "password";

    /// <summary>The field of the refresh and logout requests that holds the refresh token. Default: "refreshToken".</summary>
    public string RefreshRequestField { get; set; } = "refreshToken";

    /// <summary>The access token in a login or refresh answer. Default: "accessToken".</summary>
    public string AccessTokenField { get; set; } = "accessToken";

    /// <summary>The refresh token in a login or refresh answer (optional in the answer). Default: "refreshToken".</summary>
    public string RefreshTokenField { get; set; } = "refreshToken";

    /// <summary>
    /// The access token's lifetime in seconds in a login or refresh answer (optional in the answer; without it the
    /// token's own <c>exp</c> claim is read, when it is a JWT). Default: "expiresIn".
    /// </summary>
    public string ExpiresInField { get; set; } = "expiresIn";

    /// <summary>The user's id in the me answer: a string or a number. Default: "id".</summary>
    public string IdField { get; set; } = "id";

    /// <summary>The user's display name in the me answer (optional in the answer). Default: "name".</summary>
    public string NameField { get; set; } = "name";

    /// <summary>The user's email in the me answer (optional in the answer). Default: "email".</summary>
    public string EmailField { get; set; } = "email";

    /// <summary>The user's avatar URL in the me answer (optional in the answer). Default: "avatar".</summary>
    public string AvatarField { get; set; } = "avatar";

    /// <summary>The user's roles in the me answer: an array of strings, or one string (optional in the answer). Default: "roles".</summary>
    public string RolesField { get; set; } = "roles";

    /// <summary>The app's login page: where logout, a failed check and a 401 send the user. Default: "/login".</summary>
    public string LoginPath { get; set; } = "/login";

    /// <summary>Where a successful login goes when the request names no path. Default: "/".</summary>
    public string AfterLoginPath { get; set; } = "/";

    /// <summary>
    /// Whether the app must keep the tokens in server-side sessions (<c>AddServerSessions()</c> from RefineSharp.AspNetCore,
    /// or another <c>ITokenStore</c> it registers). Default: true; false accepts the in-memory store (tokens live as long
    /// as the circuit: gone after a reload).
    /// </summary>
    public bool RequireServerSessions { get; set; } = true;
}
