#if (Identity)
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
#endif
#if (HasClient && InMemory)
using RefineSharp.App.Client;
#endif
using RefineSharp.App.Components;
#if (Identity)
using RefineSharp.App.Data;
#endif

var builder = WebApplication.CreateBuilder(args);
#if (Identity)

// ASP.NET Core Identity's API endpoints (bearer tokens, roles) on a SQLite file under the content root.
builder.Services.AddDbContext<AppDbContext>(o => o.UseSqlite(AppDatabase.ConnectionString(builder.Configuration, builder.Environment)));
builder.Services.AddIdentityApiEndpoints<IdentityUser>(o => o.User.RequireUniqueEmail = true)
    .AddRoles<IdentityRole>()
    .AddEntityFrameworkStores<AppDbContext>();
#endif

// AddBlazor registers the authorization core services, and with them WebApplication adds the authorization
// middleware, which needs the full registration.
builder.Services.AddAuthorization();

// RefineSharp. The provider is the one registration to change for another backend: a hand-written AuthProvider
// (.AddAuthProvider<MyAuthProvider>()), or another of the ready providers (see README.md).
#if (InMemory)
// The in-memory provider keeps the signed-in user in the circuit (or browser app): fine for a demo, never for production.
builder.Services.AddRefine()
    .AddInMemoryAuth(AppUsers.Configure)
    .AddBlazor(o => o.LoginPath = "/login");
#elif (Identity)
// The circuits call this app's own Identity API over loopback; its address is known once Kestrel listens.
// AddServerSessions keeps the tokens on the server: the browser holds one HttpOnly cookie.
builder.Services.AddRefine()
    .AddAspNetIdentityAuth(o => o.BaseAddressResolver = sp => new Uri(ServerAddress.Get(sp), "identity"))
    .AddBlazor(o => o.LoginPath = "/login")
    .AddServerSessions();
#elif (Jwt)
// Your JWT REST API: "JwtApi:BaseAddress" in appsettings.json. Endpoint paths and JSON field names are options of
// AddJwtAuth (their defaults fit samples/RefineSharp.JwtApi); a missing or wrong setting stops the app at start with
// a message that names it. AddServerSessions keeps the tokens on the server: the browser holds one HttpOnly cookie.
var jwtApi = builder.Configuration.GetSection("JwtApi");
builder.Services.AddRefine()
    .AddJwtAuth(o => o.BaseAddress = Uri.TryCreate(jwtApi["BaseAddress"], UriKind.Absolute, out var api) ? api : null)
    .AddBlazor(o => o.LoginPath = "/login")
    .AddServerSessions();
#else
// OpenID Connect against the "Oidc" section of appsettings.json (the sample identity server by default; Keycloak,
// Auth0, Entra ID, Okta or Google the same way). Tokens stay on the server (AddServerSessions); the browser holds one
// HttpOnly cookie. The identity server must know this app's callback: <this app>/signin-oidc/callback/<Oidc:Name>.
var oidc = builder.Configuration.GetSection("Oidc");
builder.Services.AddRefine()
    .AddBlazor(o => o.LoginPath = "/login")
    .AddServerSessions()
    .AddOidcAuth(o =>
    {
        o.RequireHttps = oidc.GetValue("RequireHttps", true);
        o.AddProvider(oidc["Name"] ?? "idp", p =>
        {
            p.DisplayName = oidc["DisplayName"];
            p.Authority = Uri.TryCreate(oidc["Authority"], UriKind.Absolute, out var authority) ? authority : null;
            p.ClientId = oidc["ClientId"];
            p.ClientSecret = oidc["ClientSecret"];
            p.Scopes.Add("roles");
        });
    });
#endif

#if (RenderServer)
builder.Services.AddRazorComponents()
    .AddInteractiveServerComponents();
#elif (RenderWebAssembly)
builder.Services.AddRazorComponents()
    .AddInteractiveWebAssemblyComponents();
#else
builder.Services.AddRazorComponents()
    .AddInteractiveServerComponents()
    .AddInteractiveWebAssemblyComponents();
#endif

var app = builder.Build();

#if (HasClient)
if (app.Environment.IsDevelopment())
{
    app.UseWebAssemblyDebugging();
}
else
{
    app.UseExceptionHandler("/not-found", createScopeForErrors: true);
}
#else
if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/not-found", createScopeForErrors: true);
}
#endif

app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
app.UseAntiforgery();
#if (Identity)

app.MapGroup("/identity").MapIdentityApi<IdentityUser>();
app.MapGroup("/identity").MapIdentityRoles<IdentityUser>();
#endif
#if (HasClient && ServerSessions)

// The browser app's provider (HostSessionAuthProvider) calls these; the real provider runs here, in the request.
app.MapRefineSessionEndpoints();
#endif

#if (Oidc)

// The OpenID Connect callbacks (sign-in and signed-out) of every configured identity provider.
app.MapRefineOidc();
#endif
app.MapStaticAssets();
#if (RenderServer)
app.MapRazorComponents<App>()
    .AddInteractiveServerRenderMode();
#elif (RenderWebAssembly)
app.MapRazorComponents<App>()
    .AddInteractiveWebAssemblyRenderMode()
    .AddAdditionalAssemblies(typeof(RefineSharp.App.Client._Imports).Assembly);
#else
app.MapRazorComponents<App>()
    .AddInteractiveServerRenderMode()
    .AddInteractiveWebAssemblyRenderMode()
    .AddAdditionalAssemblies(typeof(RefineSharp.App.Client._Imports).Assembly);
#endif
#if (Identity)

await AppDatabase.InitializeAsync(app.Services);
#endif

await app.RunAsync();
