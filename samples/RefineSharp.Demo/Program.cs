using RefineSharp.Tokens;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using RefineSharp.Demo.Components;
using RefineSharp.Demo.Data;
using RefineSharp.Demo.Email;
using RefineSharp.Demo.Endpoints;
using RefineSharp.Demo.Hosting;
using RefineSharp.Demo.Security;
using RefineSharp.Demo.Services;
using RefineSharp.AspNetCore.Security;

var builder = WebApplication.CreateBuilder(args);

// Host hardening (docs/demo-hosting.md): CSP, nosniff, no referrer, no framing and COOP on every response, HSTS over
// HTTPS outside Development; data-protection keys in a private folder of their own. Seeding outside Development uses
// generated passwords (Data/DemoSeeder.cs, Demo:SeedPasswords).
builder.Services.AddRefineSecurityHeaders(o =>
{
    // SecurityHeaders:CrossOriginOpenerPolicy=unsafe-none turns COOP off: the benchmark's control run (docs/performance.md).
    o.CrossOriginOpenerPolicy = builder.Configuration["SecurityHeaders:CrossOriginOpenerPolicy"] ?? o.CrossOriginOpenerPolicy;
});
builder.AddDemoDataProtection();

// SQLite file under the content root (Demo:Database, or the environment variable Demo__Database); read when the
// context is built, so tests can point it at a temp file through any configuration source.
builder.Services.AddDbContext<DemoDbContext>((sp, o) =>
{
    var path = Path.Combine(builder.Environment.ContentRootPath, sp.GetRequiredService<IConfiguration>()["Demo:Database"] ?? "App_Data/demo.db");
    Directory.CreateDirectory(Path.GetDirectoryName(path)!);
    o.UseSqlite($"Data Source={path}");
});

// The Identity API (bearer tokens) with roles, lockout after 5 failures for 5 minutes, and the development outbox.
builder.Services.AddAuthorization();
builder.Services.AddDemoApiPolicies();
builder.Services
    .AddIdentityApiEndpoints<IdentityUser>(o =>
    {
        o.Lockout.MaxFailedAccessAttempts = 5;
        o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(5);
        o.Lockout.AllowedForNewUsers = true;
        o.User.RequireUniqueEmail = true;
    })
    .AddRoles<IdentityRole>()
    .AddEntityFrameworkStores<DemoDbContext>();
builder.Services.AddSingleton<IEmailSender<IdentityUser>, OutboxEmailSender>();

// Access tokens live an hour by default; Demo:AccessTokenLifetime (for example "00:00:31") shortens them so the
// browser tests can watch a refresh happen.
builder.Services.Configure<BearerTokenOptions>(IdentityConstants.BearerScheme, o =>
{
    if (builder.Configuration.GetValue<TimeSpan?>("Demo:AccessTokenLifetime") is { } lifetime)
    {
        o.BearerTokenExpiration = lifetime;
    }
});

// RefineSharp: the circuits talk to this app's own Identity API over loopback; the address is resolved at run time.
// Logout tells the API (/identity/logout renews the security stamp, so the session's refresh token stops working).
builder.Services.AddRefine()
    .AddAspNetIdentityAuth(o =>
    {
        o.BaseAddressResolver = DemoServerAddress.Identity;
        o.LogoutEndpoint = "/logout";
    })
    .AddBlazor(o => o.LoginPath = "/login")
    // Tokens stay on the server (docs/adr/0006-server-side-sessions.md): the browser holds one HttpOnly cookie with a
    // random key; the session lives in IDistributedCache (this process's memory, or Redis with Demo:Redis).
    .AddServerSessions()
    .AddAuthenticatedHttpClient<DemoApiClient>((sp, http) => http.BaseAddress = DemoServerAddress.Get(sp));
if (DemoRedis.IsConfigured(builder.Configuration))
{
    builder.Services.AddDemoRedis(builder.Configuration);
}

// Opt-in Server-Timing (benchmarks/e2e, docs/performance.md): hash, session store, database and API-call parts of each
// request. Off unless Demo:ServerTiming is true; it wraps the store and hasher registered above, so it comes after them.
if (builder.Configuration.GetValue<bool>("Demo:ServerTiming"))
{
    builder.Services.AddRefineServerTiming();
}

builder.Services.AddHealthChecks();

// The client refreshes an access token 30 s before it expires; Demo:TokenRefreshSkew ("00:00:00") lets the browser
// tests send an expired token on purpose, to watch the API's 401 end the session.
builder.Services.Configure<TokenRefreshOptions>(o =>
{
    if (builder.Configuration.GetValue<TimeSpan?>("Demo:TokenRefreshSkew") is { } skew)
    {
        o.RefreshSkew = skew;
    }
});

// API hardening (samples/RefineSharp.Demo/Security, docs/demo-hardening.md): one line per feature.
builder.Services.AddDemoOutbox();                 // email links from Demo:PublicBaseUrl, "account exists" notices
builder.Services.AddDemoHostFiltering();          // AllowedHosts: loopback + AllowedHosts + Demo:PublicBaseUrl
builder.Services.AddDemoRateLimiting();           // Demo:RateLimits, per account and per client
builder.Services.AddDemoSignInHardening();        // lockout under parallel attempts, one answer for every failure

builder.Services.AddRazorComponents()
    .AddInteractiveServerComponents();

var app = builder.Build();

// First in the pipeline when opted in, so its total covers everything below.
if (app.Configuration.GetValue<bool>("Demo:ServerTiming"))
{
    app.UseRefineServerTiming();
}

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/Error", createScopeForErrors: true);
}

app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);

// Authentication (the session cookie for pages, bearer tokens for the APIs) and authorization run first, as
// WebApplication places them when they are not called here; the API answers below keep their JSON errors.
app.UseAntiforgery();

// API hardening: JSON errors and no-store on the APIs, bodies checked, then rate limited, register without enumeration.
app.UseApiErrorResponses();
app.UseNoStoreIdentityResponses();
app.UseIdentityRequestValidation();
app.UseDemoRateLimiting();
app.UseRegisterWithoutEnumeration();

app.MapGroup("/identity").MapIdentityApi<IdentityUser>();
app.MapGroup("/identity").MapIdentityRoles<IdentityUser>();
app.MapGroup("/identity").MapIdentityLogout();
app.MapGroup("/identity").MapIdentityProfile<IdentityUser>();   // name, avatar, email change via /identity/confirmEmail
app.MapHealthChecks("/healthz");
app.MapDemoApi();
if (app.Environment.IsDevelopment() || app.Configuration.GetValue<bool>("Demo:EnableOutbox"))
{
    app.MapDevOutbox();
}

app.MapStaticAssets();
app.MapRazorComponents<App>()
    .AddInteractiveServerRenderMode();

await DemoSeeder.SeedAsync(app.Services);
app.Lifetime.ApplicationStarted.Register(() =>
{
    var address = DemoServerAddress.Get(app.Services);
    app.Logger.LogInformation("RefineSharp demo ready at {Address} (sign in as {Admin} / {Editor}; see README.md)", address, DemoSeeder.AdminEmail, DemoSeeder.EditorEmail);
});

await app.RunAsync();

/// <summary>The demo's entry point (public for WebApplicationFactory in the tests).</summary>
public partial class Program;
