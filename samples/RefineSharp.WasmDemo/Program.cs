using RefineSharp.WasmDemo;
using RefineSharp.WasmDemo.Client;
using RefineSharp.WasmDemo.Components;

var builder = WebApplication.CreateBuilder(args);

// The pages prerender here before the browser app takes over, so the host registers the same services. During
// prerendering nothing asks the provider: the guard shows its Loading slot until WebAssembly runs.
builder.Services.AddRefine()
    .AddInMemoryAuth(WasmDemoUsers.Configure)
    .AddBlazor(o => o.LoginPath = "/login");

// AddBlazor registers the authorization core services, and with them WebApplication adds the authorization
// middleware on its own; that middleware needs the full AddAuthorization() registration.
builder.Services.AddAuthorization();

builder.Services.AddRazorComponents()
    .AddInteractiveWebAssemblyComponents();

var app = builder.Build();

if (app.Environment.IsDevelopment())
{
    app.UseWebAssemblyDebugging();

    // The token endpoint behind /dev/refresh-race (two tabs refreshing one rotating refresh token). Development only.
    RefreshHarness.Map(app);
}

app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
app.UseAntiforgery();

app.MapStaticAssets();
app.MapRazorComponents<App>()
    .AddInteractiveWebAssemblyRenderMode()
    .AddAdditionalAssemblies(typeof(WasmDemoUsers).Assembly);

await app.RunAsync();
