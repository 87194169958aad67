using System.Text;
using System.Text.Json;
using CsCheck;
using Microsoft.AspNetCore.WebUtilities;
using RefineSharp.Providers.Oidc;
using RefineSharp.Providers.Oidc.Claims;
using RefineSharp.Tokens;

namespace RefineSharp.Providers.Oidc.Tests.Claims;

/// <summary>Identity and roles come from the session's tokens with each provider's claim mapping; garbage never throws.</summary>
public sealed class OidcIdentityReaderTests
{
    [Fact]
    public void Keycloak_realm_roles_Entra_roles_and_Auth0_namespaced_claims_are_read()
    {
        var keycloak = Provider("realm_access.roles");
        var tokens = Tokens(new { sub = "1", name = "Kim", email = "k@x", realm_access = new { roles = new[] { "admin", "user" } } });
        Assert.Equal(["admin", "user"], OidcIdentityReader.Roles(tokens, keycloak));

        Assert.Equal(["Admin"], OidcIdentityReader.Roles(Tokens(new { sub = "1", roles = new[] { "Admin" } }), Provider("roles")));

        var auth0 = Provider("https://app.example.com/roles");
        var withNamespace = Tokens(new Dictionary<string, object> { ["sub"] = "1", ["https://app.example.com/roles"] = new[] { "editor" } });
        Assert.Equal(["editor"], OidcIdentityReader.Roles(withNamespace, auth0));
    }

    [Fact]
    public void Roles_missing_from_the_id_token_are_read_from_a_jwt_access_token()
    {
        var tokens = new TokenSet
        {
            IdToken = Jwt(new { sub = "1" }),
            AccessToken = Jwt(new { sub = "1", realm_access = new { roles = new[] { "ops" } } }),
        };
        Assert.Equal(["ops"], OidcIdentityReader.Roles(tokens, Provider("realm_access.roles")));
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("data:image/svg+xml,<svg onload=alert(1)>")]
    [InlineData("//evil.example/a.png")]
    [InlineData("not a url")]
    public void A_picture_that_is_not_an_http_url_is_dropped(string picture)
    {
        var identity = OidcIdentityReader.Identity(Tokens(new { sub = "1", picture }), Provider("roles"));
        Assert.NotNull(identity);
        Assert.Null(identity.Avatar);
    }

    [Fact]
    public void Identity_maps_sub_name_email_picture_and_falls_back_to_preferred_username()
    {
        var identity = OidcIdentityReader.Identity(Tokens(new { sub = "42", preferred_username = "kim", email = "k@x", picture = "https://cdn.example/k.png" }), Provider("roles"))!;
        Assert.Equal("42", identity.Id);
        Assert.Equal("kim", identity.Name);
        Assert.Equal("k@x", identity.Email);
        Assert.Equal("https://cdn.example/k.png", identity.Avatar);
        Assert.Null(OidcIdentityReader.Identity(Tokens(new { name = "no subject" }), Provider("roles")));
    }

    [Fact]
    public void Generated_garbage_tokens_never_throw_and_give_no_identity_unless_they_carry_a_subject()
    {
        var part = Gen.String[0, 40];
        Gen.Select(part, part, part, Gen.Int[0, 4]).Sample((a, b, c, dots) =>
        {
            var token = dots switch
            {
                0 => a,
                1 => a + "." + b,
                2 => a + "." + b + "." + c,
                3 => "x." + WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(b)) + ".y",
                _ => a + "." + b + "." + c + "." + a,
            };
            var tokens = new TokenSet { AccessToken = token, IdToken = token };
            var identity = OidcIdentityReader.Identity(tokens, Provider("realm_access.roles"));
            _ = OidcIdentityReader.Roles(tokens, Provider("a.b.c"));
            Assert.True(identity is null || identity.Id.Length > 0);
        });
    }

    private static OidcProviderOptions Provider(string roleClaim)
    {
        var provider = new OidcProviderOptions { Name = "p" };
        provider.RoleClaims.Clear();
        provider.RoleClaims.Add(roleClaim);
        return provider;
    }

    private static TokenSet Tokens(object idPayload) => new() { AccessToken = "opaque", IdToken = Jwt(idPayload) };

    private static string Jwt(object payload) =>
        "eyJhbGciOiJub25lIn0." + WebEncoders.Base64UrlEncode(JsonSerializer.SerializeToUtf8Bytes(payload)) + ".sig";
}
