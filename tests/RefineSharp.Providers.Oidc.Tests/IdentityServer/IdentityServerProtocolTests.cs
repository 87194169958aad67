using System.Net;
using System.Text.Json;
using RefineSharp.Providers.Oidc.Tests.Infrastructure;

namespace RefineSharp.Providers.Oidc.Tests.IdentityServer;

/// <summary>
/// The sample identity server speaks the protocol the provider relies on: discovery, the code flow with PKCE,
/// single-use codes, rotating refresh tokens with reuse detection, and roles read again at every refresh.
/// </summary>
[Collection(IdentityServerCollection.Name)]
public sealed class IdentityServerProtocolTests(IdentityServerFixture idp)
{
    private const string Admin = "admin@idp.local";
    private const string AdminPassword = "Admin123!";

    [Fact]
    public async Task Discovery_names_this_issuer_and_the_endpoints_of_the_code_flow()
    {
        using var http = new HttpClient();
        var doc = JsonDocument.Parse(await http.GetStringAsync(new Uri(idp.Issuer + ".well-known/openid-configuration"))).RootElement;

        Assert.Equal(idp.Issuer, doc.GetProperty("issuer").GetString());
        foreach (var endpoint in new[] { "authorization_endpoint", "token_endpoint", "userinfo_endpoint", "end_session_endpoint", "jwks_uri" })
        {
            Assert.StartsWith(idp.Issuer, doc.GetProperty(endpoint).GetString(), StringComparison.Ordinal);
        }

        Assert.Contains("S256", Strings(doc, "code_challenge_methods_supported"));
        Assert.Contains("refresh_token", Strings(doc, "grant_types_supported"));
        Assert.Contains("roles", Strings(doc, "scopes_supported"));
        var jwks = JsonDocument.Parse(await http.GetStringAsync(new Uri(doc.GetProperty("jwks_uri").GetString()!))).RootElement;
        Assert.NotEmpty(jwks.GetProperty("keys").EnumerateArray());
    }

    [Fact]
    public async Task Code_flow_with_PKCE_returns_tokens_with_the_users_identity_and_roles()
    {
        using var client = new RawOidcClient(idp.Server.BaseUrl);
        var verifier = RawOidcClient.NewVerifier();
        var callback = await client.AuthorizeAsync(client.AuthorizeUrl(verifier, state: "abc"), Admin, AdminPassword);

        Assert.Equal(IdentityServerFixture.RedirectUri, callback.GetLeftPart(UriPartial.Path));
        Assert.Contains("state=abc", callback.Query, StringComparison.Ordinal);
        var (status, body) = await client.RedeemCodeAsync(RawOidcClient.Code(callback), verifier);

        Assert.Equal(HttpStatusCode.OK, status);
        var id = RawOidcClient.Payload(body.GetProperty("id_token").GetString()!);
        Assert.Equal(idp.Issuer, id.GetProperty("iss").GetString());
        Assert.Equal("n-abc", id.GetProperty("nonce").GetString());
        Assert.Equal(Admin, id.GetProperty("email").GetString());
        Assert.Equal("Ada Admin", id.GetProperty("name").GetString());
        Assert.Equal(["admin", "editor"], Roles(id).Order(StringComparer.Ordinal));
        Assert.False(string.IsNullOrEmpty(body.GetProperty("refresh_token").GetString()));

        var (infoStatus, info) = await client.UserInfoAsync(body.GetProperty("access_token").GetString()!);
        Assert.Equal(HttpStatusCode.OK, infoStatus);
        Assert.Contains(Admin, info, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_code_is_refused_without_its_verifier_with_a_wrong_one_with_a_wrong_secret_and_a_second_time()
    {
        using var client = new RawOidcClient(idp.Server.BaseUrl);
        var verifier = RawOidcClient.NewVerifier();
        var code = RawOidcClient.Code(await client.AuthorizeAsync(client.AuthorizeUrl(verifier), Admin, AdminPassword));

        Assert.Equal("invalid_client", Error(await client.RedeemCodeAsync(code, verifier, secret: "not-the-secret")));
        Assert.Equal("invalid_request", Error(await client.RedeemCodeAsync(code, verifier: null)));

        var fresh = RawOidcClient.NewVerifier();
        var second = RawOidcClient.Code(await client.AuthorizeAsync(client.AuthorizeUrl(fresh, state: "s2"), Admin, AdminPassword));
        Assert.Equal("invalid_grant", Error(await client.RedeemCodeAsync(second, RawOidcClient.NewVerifier())));

        var third = RawOidcClient.NewVerifier();
        var good = RawOidcClient.Code(await client.AuthorizeAsync(client.AuthorizeUrl(third, state: "s3"), Admin, AdminPassword));
        Assert.Equal(HttpStatusCode.OK, (await client.RedeemCodeAsync(good, third)).Status);
        Assert.Equal("invalid_grant", Error(await client.RedeemCodeAsync(good, third)));
    }

    [Fact]
    public async Task Refresh_tokens_rotate_and_a_reused_one_revokes_the_whole_sign_in()
    {
        using var client = new RawOidcClient(idp.Server.BaseUrl);
        var verifier = RawOidcClient.NewVerifier();
        var code = RawOidcClient.Code(await client.AuthorizeAsync(client.AuthorizeUrl(verifier), Admin, AdminPassword));
        var first = (await client.RedeemCodeAsync(code, verifier)).Body.GetProperty("refresh_token").GetString()!;

        var (status, renewed) = await client.RefreshAsync(first);
        Assert.Equal(HttpStatusCode.OK, status);
        var second = renewed.GetProperty("refresh_token").GetString()!;
        Assert.NotEqual(first, second);

        // The used token again (what a client that refreshes twice in parallel sends): refused, and the newer one dies too.
        Assert.Equal("invalid_grant", Error(await client.RefreshAsync(first)));
        Assert.Equal("invalid_grant", Error(await client.RefreshAsync(second)));
    }

    [Fact]
    public async Task Garbage_refresh_tokens_are_refused_without_a_server_error()
    {
        using var client = new RawOidcClient(idp.Server.BaseUrl);
        foreach (var garbage in new[] { "x", "a.b.c", new string('A', 5000), "eyJhbGciOiJub25lIn0.eyJzdWIiOiIxIn0." })
        {
            var (status, body) = await client.RefreshAsync(garbage);
            Assert.Equal(HttpStatusCode.BadRequest, status);
            Assert.Equal("invalid_grant", body.GetProperty("error").GetString());
        }
    }

    private static string Error((HttpStatusCode Status, JsonElement Body) answer)
    {
        Assert.NotEqual(HttpStatusCode.OK, answer.Status);
        return answer.Body.GetProperty("error").GetString()!;
    }

    private static IEnumerable<string> Strings(JsonElement doc, string name) => doc.GetProperty(name).EnumerateArray().Select(e => e.GetString()!);

    private static IEnumerable<string> Roles(JsonElement payload) =>
        payload.GetProperty("role") is { ValueKind: JsonValueKind.Array } array ? array.EnumerateArray().Select(e => e.GetString()!) : [payload.GetProperty("role").GetString()!];
}
