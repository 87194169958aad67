using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using RefineSharp.IdentityServer.Data;
using RefineSharp.IdentityServer.Endpoints;
using RefineSharp.IdentityServer.Hosting;
using static OpenIddict.Abstractions.OpenIddictConstants;

var builder = WebApplication.CreateBuilder(args);
var settings = builder.Configuration.GetSection("Idp").Get<IdpSettings>() ?? new IdpSettings();
builder.Services.Configure<IdpSettings>(builder.Configuration.GetSection("Idp"));

// Test-only faults (wrong nonce, wrong issuer, a clock that is off): never in Production.
var faults = settings.Faults.Enabled ? new IdpFaults() : null;
if (faults is not null && builder.Environment.IsProduction())
{
    throw new InvalidOperationException("Idp:Faults:Enabled makes this server issue invalid tokens on request; it is refused in Production.");
}

if (faults is not null)
{
    builder.Services.AddSingleton(faults);
}

// Users, roles and OpenIddict's stores in one SQLite file (Idp:Database, relative to the content root).
var database = Path.Combine(builder.Environment.ContentRootPath, settings.Database);
Directory.CreateDirectory(Path.GetDirectoryName(database)!);
builder.Services.AddDbContext<IdpDbContext>(o => o.UseSqlite($"Data Source={database}").UseOpenIddict());

builder.Services.AddIdentity<IdentityUser, IdentityRole>(o =>
    {
        o.Lockout.MaxFailedAccessAttempts = 5;
        o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(5);
        o.User.RequireUniqueEmail = true;
        // OpenIddict's claim names, so the principal of the cookie and of the tokens read alike.
        o.ClaimsIdentity.UserNameClaimType = Claims.Name;
        o.ClaimsIdentity.UserIdClaimType = Claims.Subject;
        o.ClaimsIdentity.RoleClaimType = Claims.Role;
    })
    .AddEntityFrameworkStores<IdpDbContext>()
    .AddDefaultTokenProviders();

// The identity server's own session cookie: a name of its own, because the OIDC demo runs on the same host (cookies
// ignore ports) and has cookies of its own.
builder.Services.ConfigureApplicationCookie(o =>
{
    o.Cookie.Name = ".refine-idp.session";
    o.LoginPath = AccountEndpoints.LoginPath;
});
builder.Services.AddAntiforgery(o => o.Cookie.Name = ".refine-idp.antiforgery");

builder.Services.AddOpenIddict()
    .AddCore(o => o.UseEntityFrameworkCore().UseDbContext<IdpDbContext>())
    .AddServer(o =>
    {
        o.SetAuthorizationEndpointUris("connect/authorize")
            .SetTokenEndpointUris("connect/token")
            .SetUserInfoEndpointUris("connect/userinfo")
            .SetEndSessionEndpointUris("connect/endsession");

        // Code flow with PKCE (required for every client) and rotating refresh tokens (OpenIddict's default: each use
        // returns a new one; a used one presented again revokes the whole sign-in, past the reuse leeway).
        o.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange();
        o.AllowRefreshTokenFlow();
        o.SetAccessTokenLifetime(settings.AccessTokenLifetime);
        o.SetIdentityTokenLifetime(settings.IdentityTokenLifetime);
        o.SetRefreshTokenReuseLeeway(settings.RefreshTokenReuseLeeway);
        o.RegisterScopes(Scopes.OpenId, Scopes.Email, Scopes.Profile, Scopes.Roles, Scopes.OfflineAccess);

        // Keys persisted in the user's certificate store (created at first start), so tokens survive a restart.
        o.AddDevelopmentEncryptionCertificate().AddDevelopmentSigningCertificate();
        // Access tokens stay signed JWTs that a client (and the tests) can read; they are not encrypted.
        o.DisableAccessTokenEncryption();

        if (faults is not null)
        {
            // The token clock and the ID token's claims, just before OpenIddict signs it (see Hosting/IdpFaults.cs).
            o.Configure(options => options.TimeProvider = faults.Clock);
            o.AddEventHandler<OpenIddict.Server.OpenIddictServerEvents.ProcessSignInContext>(handler => handler
                .UseInlineHandler(context =>
                {
                    faults.Tamper(context);
                    return default;
                })
                .SetOrder(OpenIddict.Server.OpenIddictServerHandlers.PrepareIdentityTokenPrincipal.Descriptor.Order + 1));
        }

        var aspNetCore = o.UseAspNetCore()
            .EnableAuthorizationEndpointPassthrough()
            .EnableTokenEndpointPassthrough()
            .EnableUserInfoEndpointPassthrough()
            .EnableEndSessionEndpointPassthrough();
        if (builder.Environment.IsDevelopment())
        {
            // The demo and the tests run on plain-HTTP loopback.
            aspNetCore.DisableTransportSecurityRequirement();
        }
    });

builder.Services.AddAuthorization();

var app = builder.Build();
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();

app.MapAccount();
app.MapOidc();
app.MapAvatar();
if (faults is not null)
{
    app.MapFaults();
}
app.MapGet("/", () => Results.Text("RefineSharp Identity Server: an OpenID Connect server for the OIDC demo. Discovery: /.well-known/openid-configuration"));
app.MapGet("/healthz", () => Results.Ok("ok"));

await IdpSeeder.SeedAsync(app.Services);
app.Lifetime.ApplicationStarted.Register(() =>
    app.Logger.LogInformation("RefineSharp identity server ready (users {Admin} / {Editor}, see samples/RefineSharp.IdentityServer/README.md)", IdpSeeder.AdminEmail, IdpSeeder.EditorEmail));

await app.RunAsync();

/// <summary>The identity server's entry point (public for the integration tests).</summary>
public partial class Program;
