using RefineSharp.AspNetCore.Security;
using RefineSharp.WasmDemo;
using RefineSharp.WasmDemo.Client;
using RefineSharp.WasmDemo.Components;
using RefineSharp.WasmDemo.Data;
using RefineSharp.WasmDemo.Hosting;

var builder = WebApplication.CreateBuilder(args);

// CSP with a per-response nonce for the import map, no framing, nosniff, no referrer, COOP, HSTS over HTTPS outside
// Development (docs/security.md). 'wasm-unsafe-eval' lets the .NET runtime compile its WebAssembly; no JavaScript eval.
builder.Services.AddRefineSecurityHeaders(o =>
{
    o.AllowWebAssembly = true;
    // SecurityHeaders:CrossOriginOpenerPolicy=unsafe-none turns COOP off: the benchmark's control run (docs/performance.md).
    o.CrossOriginOpenerPolicy = builder.Configuration["SecurityHeaders:CrossOriginOpenerPolicy"] ?? o.CrossOriginOpenerPolicy;
});
var mode = WasmDemoModes.From(builder.Configuration);
builder.Services.AddSingleton(new WasmDemoModeInfo(mode));
builder.Services.AddSingleton(mode == WasmDemoMode.Hosted ? WasmClientMode.Hosted : WasmClientMode.Standalone);

if (mode == WasmDemoMode.Hosted)
{
    // Hosted (default): the provider runs here; the browser gets an HttpOnly session cookie and nothing else.
    HostedMode.AddServices(builder);
}
else
{
    // Standalone: the pages prerender here with the same in-memory provider the browser app runs; nothing asks it
    // during prerendering, so the guard shows its Loading slot until WebAssembly runs.
    builder.Services.AddRefine()
        .AddInMemoryAuth(WasmDemoUsers.Configure)
        .AddBlazor(o => o.LoginPath = "/login");
}

// AddBlazor registers the authorization core services, and with them WebApplication adds the authorization
// middleware on its own; that middleware needs the full AddAuthorization() registration.
builder.Services.AddAuthorization();

builder.Services.AddRazorComponents()
    .AddInteractiveWebAssemblyComponents();

var app = builder.Build();

if (app.Environment.IsDevelopment())
{
    app.UseWebAssemblyDebugging();
    if (mode == WasmDemoMode.Standalone)
    {
        // The token endpoint behind /dev/refresh-race (two tabs refreshing one rotating refresh token). Development only.
        RefreshHarness.Map(app);
    }
}

app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
app.UseAntiforgery();

if (mode == WasmDemoMode.Hosted)
{
    HostedMode.Map(app);
}

app.MapStaticAssets();
app.MapRazorComponents<App>()
    .AddInteractiveWebAssemblyRenderMode()
    .AddAdditionalAssemblies(typeof(WasmDemoUsers).Assembly);

if (mode == WasmDemoMode.Hosted)
{
    await WasmDemoSeeder.SeedAsync(app.Services);
}

await app.RunAsync();
