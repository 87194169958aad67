using RefineSharp.Tokens;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.FluentUI.AspNetCore.Components;
using MudBlazor.Services;
using RefineSharp.KitsDemo;
using RefineSharp.KitsDemo.Client;
using RefineSharp.KitsDemo.Components;

var builder = WebApplication.CreateBuilder(args);

// Kit=Headless|MudBlazor|Fluent and Theme=Light|Dark choose the look, RenderMode=Server|WebAssembly where the pages
// run; everything else is the same app.
var kit = KitSettings.From(builder.Configuration);
builder.Services.AddSingleton(kit);

// ASP.NET Core Identity on a SQLite file (KitsDemo:Database), seeded with one user.
builder.Services.AddDbContext<IdentityDbContext<IdentityUser>>((sp, o) =>
{
    var path = Path.Combine(builder.Environment.ContentRootPath, sp.GetRequiredService<IConfiguration>()["KitsDemo:Database"] ?? "App_Data/kits.db");
    Directory.CreateDirectory(Path.GetDirectoryName(path)!);
    o.UseSqlite($"Data Source={path}");
});
builder.Services.AddAuthorization();
builder.Services.AddIdentityApiEndpoints<IdentityUser>(o => o.User.RequireUniqueEmail = true)
    .AddEntityFrameworkStores<IdentityDbContext<IdentityUser>>();

// Access tokens live an hour by default; KitsDemo:AccessTokenLifetime (for example "00:00:02") shortens them so the
// browser tests can end a session on the server (a password change refuses the refresh token) and see the next check.
builder.Services.Configure<BearerTokenOptions>(IdentityConstants.BearerScheme, o =>
{
    if (builder.Configuration.GetValue<TimeSpan?>("KitsDemo:AccessTokenLifetime") is { } lifetime)
    {
        o.BearerTokenExpiration = lifetime;
    }
});
builder.Services.Configure<TokenRefreshOptions>(o =>
{
    if (builder.Configuration.GetValue<TimeSpan?>("KitsDemo:TokenRefreshSkew") is { } skew)
    {
        o.RefreshSkew = skew;
    }
});

// RefineSharp with server-side sessions: the sign-in pages are static forms that post (docs/adr/0006). The provider
// calls this app's own Identity API, or KitsDemo:IdentityBaseAddress (the browser tests point it at a closed port to
// show each kit with its backend down).
var identityOverride = builder.Configuration["KitsDemo:IdentityBaseAddress"] is { Length: > 0 } address ? new Uri(address) : null;
var refine = builder.Services.AddRefine()
    .AddAspNetIdentityAuth(o => o.BaseAddressResolver = sp => identityOverride ?? IdentityAddress(sp))
    .AddBlazor(o => o.LoginPath = "/login")
    .AddServerSessions()
    // The account page's API call (KitsAccountApi): the session's bearer token to this app's Identity API.
    .AddAuthenticatedHttpClient<KitsAccountApi>((sp, http) => http.BaseAddress = new Uri(IdentityAddress(sp) + "/"));
builder.Services.AddScoped<IKitsAccountApi>(sp => sp.GetRequiredService<KitsAccountApi>());

// Each kit shows refine's notifications its own way.
switch (kit.Kit)
{
    case UiKit.MudBlazor:
        builder.Services.AddMudServices();
        refine.AddMudBlazorNotifications();
        break;
    case UiKit.Fluent:
        builder.Services.AddFluentUIComponents();
        refine.AddFluentUINotifications();
        break;
}

builder.Services.AddRazorComponents().AddInteractiveServerComponents().AddInteractiveWebAssemblyComponents();

var app = builder.Build();
app.UseAntiforgery();
app.MapGroup("/identity").MapIdentityApi<IdentityUser>();
if (kit.RenderMode == KitRenderMode.WebAssembly)
{
    // The browser app's provider (HostSessionAuthProvider) asks these; the real provider and the session stay here.
    app.MapRefineSessionEndpoints();
}

app.MapStaticAssets();
app.MapRazorComponents<App>()
    .AddInteractiveServerRenderMode()
    .AddInteractiveWebAssemblyRenderMode()
    .AddAdditionalAssemblies(typeof(Routes).Assembly);

await SeedAsync(app.Services);
app.Lifetime.ApplicationStarted.Register(() =>
    app.Logger.LogInformation("RefineSharp kits demo ready at {Address} (Kit={Kit}, RenderMode={RenderMode}, sign in as {Email} / {Password})", IdentityAddress(app.Services), kit.Kit, kit.RenderMode, KitsDemoUser.Email, KitsDemoUser.Password));
await app.RunAsync();

// The circuits call this app's own Identity API over loopback, at the address Kestrel listens on.
static Uri IdentityAddress(IServiceProvider services)
{
    var first = services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
        ?? throw new InvalidOperationException("The kits demo is not listening yet.");
    var uri = new UriBuilder(first.Replace("://+", "://127.0.0.1", StringComparison.Ordinal).Replace("://*", "://127.0.0.1", StringComparison.Ordinal));
    if (uri.Host is "0.0.0.0" or "[::]" or "::" or "localhost")
    {
        uri.Host = "127.0.0.1";
    }

    return new Uri(uri.Uri, "identity");
}

static async Task SeedAsync(IServiceProvider services)
{
    using var scope = services.CreateScope();
    await scope.ServiceProvider.GetRequiredService<IdentityDbContext<IdentityUser>>().Database.EnsureCreatedAsync();
    var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
    if (await users.FindByEmailAsync(KitsDemoUser.Email) is null)
    {
        var result = await users.CreateAsync(new IdentityUser { UserName = KitsDemoUser.Email, Email = KitsDemoUser.Email, EmailConfirmed = true }, KitsDemoUser.Password);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}

/// <summary>The kits demo's entry point.</summary>
public partial class Program;
