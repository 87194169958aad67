using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.WebUtilities;

namespace RefineSharp.Providers.Oidc.Tests.Infrastructure;

/// <summary>
/// A browser-like test driver of the identity server (cookies, no automatic redirects): it plays the code flow step by
/// step so the tests can tamper with each step. Test code only: the provider itself uses OpenIddict's client.
/// </summary>
internal sealed partial class RawOidcClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly string _baseUrl;

    public RawOidcClient(string baseUrl)
    {
        _baseUrl = baseUrl.TrimEnd('/');
        _http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() })
        {
            Timeout = TimeSpan.FromSeconds(60),
        };
    }

    public static string NewVerifier() => WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));

    public static string Challenge(string verifier) => WebEncoders.Base64UrlEncode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));

    public string AuthorizeUrl(string verifier, string state = "s1", string scope = "openid profile email roles offline_access", string redirectUri = IdentityServerFixture.RedirectUri) =>
        QueryHelpers.AddQueryString(_baseUrl + "/connect/authorize", new Dictionary<string, string?>
        {
            ["client_id"] = IdentityServerFixture.ClientId,
            ["redirect_uri"] = redirectUri,
            ["response_type"] = "code",
            ["scope"] = scope,
            ["state"] = state,
            ["nonce"] = "n-" + state,
            ["code_challenge"] = Challenge(verifier),
            ["code_challenge_method"] = "S256",
        });

    /// <summary>Runs the authorization request, signs in on the login page, and returns the final redirect's Location.</summary>
    public async Task<Uri> AuthorizeAsync(string authorizeUrl, string email, string password)
    {
        using var first = await _http.GetAsync(new Uri(authorizeUrl));
        var location = Absolute(first);
        if (!location.AbsolutePath.Equals("/account/login", StringComparison.Ordinal))
        {
            return location;
        }

        using var page = await _http.GetAsync(location);
        var html = await page.Content.ReadAsStringAsync();
        var form = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = HiddenValue(html, "__RequestVerificationToken"),
            ["returnUrl"] = WebUtility.HtmlDecode(HiddenValue(html, "returnUrl")),
            ["email"] = email,
            ["password"] = password,
        };
        using var post = await _http.PostAsync(new Uri(_baseUrl + "/account/login"), new FormUrlEncodedContent(form));
        if (post.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException("The login was refused: " + (int)post.StatusCode);
        }

        using var back = await _http.GetAsync(Absolute(post));
        return Absolute(back);
    }

    public static string Code(Uri callback) => QueryHelpers.ParseQuery(callback.Query)["code"].ToString();

    public Task<(HttpStatusCode Status, JsonElement Body)> RedeemCodeAsync(string code, string? verifier, string secret = IdentityServerFixture.ClientSecret) =>
        TokenAsync(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["code"] = code,
            ["redirect_uri"] = IdentityServerFixture.RedirectUri,
            ["client_id"] = IdentityServerFixture.ClientId,
            ["client_secret"] = secret,
            ["code_verifier"] = verifier ?? "",
        });

    public Task<(HttpStatusCode Status, JsonElement Body)> RefreshAsync(string refreshToken) =>
        TokenAsync(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["refresh_token"] = refreshToken,
            ["client_id"] = IdentityServerFixture.ClientId,
            ["client_secret"] = IdentityServerFixture.ClientSecret,
        });

    public async Task<(HttpStatusCode Status, JsonElement Body)> TokenAsync(Dictionary<string, string> form)
    {
        var fields = form.Where(f => f.Value.Length > 0).ToDictionary(f => f.Key, f => f.Value);
        using var response = await _http.PostAsync(new Uri(_baseUrl + "/connect/token"), new FormUrlEncodedContent(fields));
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
        return (response.StatusCode, body);
    }

    public async Task<(HttpStatusCode Status, string Body)> UserInfoAsync(string accessToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(_baseUrl + "/connect/userinfo"));
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", accessToken);
        using var response = await _http.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>The JSON payload of a JWT (no validation: the server is the oracle of validity, this only reads claims).</summary>
    public static JsonElement Payload(string jwt) =>
        JsonDocument.Parse(WebEncoders.Base64UrlDecode(jwt.Split('.')[1])).RootElement.Clone();

    public void Dispose() => _http.Dispose();

    private Uri Absolute(HttpResponseMessage response)
    {
        var location = response.Headers.Location ?? throw new InvalidOperationException($"Expected a redirect, got {(int)response.StatusCode}.");
        return location.IsAbsoluteUri ? location : new Uri(new Uri(_baseUrl + "/"), location);
    }

    private static string HiddenValue(string html, string name)
    {
        var match = Regex.Match(html, "name=\"" + Regex.Escape(name) + "\" value=\"([^\"]*)\"");
        return match.Success ? match.Groups[1].Value : throw new InvalidOperationException($"No hidden field {name} on the login page.");
    }
}
