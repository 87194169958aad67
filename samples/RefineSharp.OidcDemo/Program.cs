using RefineSharp.AspNetCore.Security;
using RefineSharp.OidcDemo.Components;
using RefineSharp.Tokens;

var builder = WebApplication.CreateBuilder(args);

// RefineSharp with the OpenID Connect provider. Tokens stay on the server (AddServerSessions): the browser holds one
// HttpOnly cookie; OpenIddict's client runs the code flow with PKCE. The identity provider comes from the "Oidc"
// section (appsettings.json points at samples/RefineSharp.IdentityServer on 127.0.0.1:5500).
var oidc = builder.Configuration.GetSection("Oidc");
builder.Services.AddRefine()
    .AddBlazor(o => o.LoginPath = "/login")
    .AddServerSessions()
    .AddOidcAuth(o =>
    {
        o.RequireHttps = oidc.GetValue("RequireHttps", true);
        o.AddProvider(oidc["Name"] ?? "refine-idp", p =>
        {
            p.DisplayName = oidc["DisplayName"];
            p.Authority = Uri.TryCreate(oidc["Authority"], UriKind.Absolute, out var authority) ? authority : null;
            p.ClientId = oidc["ClientId"];
            p.ClientSecret = oidc["ClientSecret"];
            p.Scopes.Add("roles");
        });
    });

// Oidc:TokenRefreshSkew lets the browser tests refresh well before a short-lived access token expires.
builder.Services.Configure<TokenRefreshOptions>(o =>
{
    if (builder.Configuration.GetValue<TimeSpan?>("Oidc:TokenRefreshSkew") is { } skew)
    {
        o.RefreshSkew = skew;
    }
});

// CSP with a per-response nonce, no framing, nosniff, no referrer, COOP, HSTS over HTTPS outside Development. Sign-in
// and logout are form posts that the server answers with a redirect to the identity server: form-action must allow it.
builder.Services.AddRefineSecurityHeaders(o =>
{
    if (Uri.TryCreate(oidc["Authority"], UriKind.Absolute, out var authority))
    {
        o.FormActionSources.Add(authority.GetLeftPart(UriPartial.Authority));
    }
});

builder.Services.AddRazorComponents().AddInteractiveServerComponents();

var app = builder.Build();
if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/Error", createScopeForErrors: true);
}

app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
app.UseAntiforgery();
app.MapStaticAssets();
app.MapRefineOidc();
app.MapGet("/healthz", () => Results.Ok("ok"));
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

app.Lifetime.ApplicationStarted.Register(() =>
    app.Logger.LogInformation("RefineSharp OIDC demo ready; it signs in through {Authority}", oidc["Authority"]));
await app.RunAsync();

/// <summary>The OIDC demo's entry point.</summary>
public partial class Program;
