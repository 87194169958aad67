using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RefineSharp.Providers.Oidc;
using RefineSharp.Providers.Oidc.Presets;

namespace RefineSharp.Providers.Oidc.Tests.Options;

/// <summary>A configuration that cannot work stops the app at start with a message naming the setting to fix.</summary>
public sealed class OidcOptionsValidationTests
{
    [Fact]
    public void A_valid_generic_provider_passes()
    {
        var options = Resolve(o => o.AddProvider("corp", p =>
        {
            p.Authority = new Uri("https://id.example.com/");
            p.ClientId = "app";
            p.ClientSecret = "s3cret";
        }));
        Assert.Equal("corp", Assert.Single(options.Providers).Name);
    }

    [Theory]
    [InlineData(null, "app", "the authority (issuer URL) is missing")]
    [InlineData("http://id.example.com/", "app", "is not HTTPS")]
    [InlineData("https://id.example.com/?tenant=1", "app", "without query")]
    [InlineData("https://id.example.com/", null, "ClientId is missing")]
    [InlineData("https://id.example.com/", " ", "ClientId is missing")]
    public void A_generic_provider_that_cannot_work_is_refused_naming_the_setting(string? authority, string? clientId, string expected)
    {
        var error = Refused(o => o.AddProvider("corp", p =>
        {
            p.Authority = authority is null ? null : new Uri(authority);
            p.ClientId = clientId;
        }));
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.Contains("corp", error, StringComparison.Ordinal);
    }

    [Fact]
    public void No_provider_duplicate_names_bad_names_blank_secrets_and_bad_paths_are_refused()
    {
        Assert.Contains("Providers is empty", Refused(_ => { }), StringComparison.Ordinal);
        Assert.Contains("names must be unique", Refused(o => { Generic(o, "a"); Generic(o, "A"); }), StringComparison.Ordinal);
        Assert.Contains("part of the callback URL", Refused(o => Generic(o, "../evil")), StringComparison.Ordinal);
        Assert.Contains("ClientSecret is blank", Refused(o => Generic(o, "a").ClientSecret = ""), StringComparison.Ordinal);
        Assert.Contains("OidcAuthOptions.LoginPath", Refused(o => { Generic(o, "a"); o.LoginPath = "https://evil.example/"; }), StringComparison.Ordinal);
        Assert.Contains("must contain \"openid\"", Refused(o => Generic(o, "a").Scopes.Remove("openid")), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://sso.example.com", "Keycloak (\"keycloak\").RealmUrl")]
    public void Keycloak_needs_a_realm_url(string realm, string expected) =>
        Assert.Contains(expected, Refused(o => o.AddKeycloak(k => { k.RealmUrl = new Uri(realm); k.ClientId = "app"; })), StringComparison.Ordinal);

    [Theory]
    [InlineData("https://acme.eu.auth0.com")]
    [InlineData("acme.eu.auth0.com/")]
    [InlineData("")]
    public void Auth0_needs_a_bare_domain(string domain) =>
        Assert.Contains("Auth0 (\"auth0\").Domain", Refused(o => o.AddAuth0(a => { a.Domain = domain; a.ClientId = "app"; })), StringComparison.Ordinal);

    [Fact]
    public void Auth0_roles_must_be_a_namespaced_claim() =>
        Assert.Contains("RolesClaim must be a namespaced claim", Refused(o => o.AddAuth0(a => { a.Domain = "acme.eu.auth0.com"; a.ClientId = "app"; a.RolesClaim = "roles"; })), StringComparison.Ordinal);

    [Theory]
    [InlineData("common")]
    [InlineData("organizations")]
    [InlineData("")]
    public void Entra_needs_a_single_tenant(string tenant) =>
        Assert.Contains("EntraId (\"entra\").TenantId", Refused(o => o.AddEntraId(e => { e.TenantId = tenant; e.ClientId = "app"; })), StringComparison.Ordinal);

    [Fact]
    public void Okta_needs_a_bare_domain_and_Google_a_secret()
    {
        Assert.Contains("Okta (\"okta\").Domain", Refused(o => o.AddOkta(k => { k.Domain = "https://dev-1.okta.com"; k.ClientId = "app"; })), StringComparison.Ordinal);
        Assert.Contains("Google (\"google\").ClientSecret", Refused(o => o.AddGoogle(g => g.ClientId = "app")), StringComparison.Ordinal);
    }

    [Fact]
    public void Presets_build_the_documented_authorities_and_claim_mappings()
    {
        var options = Resolve(o =>
        {
            o.AddKeycloak(k => { k.RealmUrl = new Uri("https://sso.example.com/realms/acme"); k.ClientId = "web"; });
            o.AddAuth0(a => { a.Domain = "acme.eu.auth0.com"; a.ClientId = "x"; a.RolesClaim = "https://app.example.com/roles"; });
            o.AddOkta(k => { k.Domain = "dev-1.okta.com"; k.ClientId = "x"; });
            o.AddEntraId(e => { e.TenantId = "11111111-2222-3333-4444-555555555555"; e.ClientId = "x"; });
            o.AddGoogle(g => { g.ClientId = "x"; g.ClientSecret = "y"; });
        });
        var byName = options.Providers.ToDictionary(p => p.Name);
        Assert.Equal("https://sso.example.com/realms/acme", byName["keycloak"].Authority!.AbsoluteUri);
        Assert.Equal(["realm_access.roles", "resource_access.web.roles"], byName["keycloak"].RoleClaims);
        Assert.Equal("https://acme.eu.auth0.com/", byName["auth0"].Authority!.AbsoluteUri);
        Assert.Equal(["https://app.example.com/roles"], byName["auth0"].RoleClaims);
        Assert.Equal("https://dev-1.okta.com/oauth2/default", byName["okta"].Authority!.AbsoluteUri);
        Assert.Equal(["groups"], byName["okta"].RoleClaims);
        Assert.Equal("https://login.microsoftonline.com/11111111-2222-3333-4444-555555555555/v2.0", byName["entra"].Authority!.AbsoluteUri);
        Assert.Equal(["roles"], byName["entra"].RoleClaims);
        Assert.Equal("https://accounts.google.com/", byName["google"].Authority!.AbsoluteUri);
        Assert.False(byName["google"].EndSessionAtProvider);
        Assert.DoesNotContain("offline_access", byName["google"].Scopes);
        Assert.Equal("offline", byName["google"].AuthorizationParameters["access_type"]);
    }

    private static OidcProviderOptions Generic(OidcAuthOptions o, string name) => o.AddProvider(name, p =>
    {
        p.Authority = new Uri("https://id.example.com/");
        p.ClientId = "app";
    });

    private static OidcAuthOptions Resolve(Action<OidcAuthOptions> configure)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddRefine().AddBlazor().AddServerSessions().AddOidcAuth(configure);
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<IOptions<OidcAuthOptions>>().Value;
    }

    private static string Refused(Action<OidcAuthOptions> configure) =>
        Assert.Throws<OptionsValidationException>(() => Resolve(configure)).Message;
}
