using Microsoft.AspNetCore.Components.WebAssembly.Hosting;
using RefineSharp.Blazor;
using RefineSharp.WasmDemo.Client;

var builder = WebAssemblyHostBuilder.CreateDefault(args);
var mode = OperatingSystem.IsBrowser() ? WasmClientMode.ReadFromPage() : WasmClientMode.Standalone;
var baseAddress = new Uri(builder.HostEnvironment.BaseAddress);
builder.Services.AddSingleton(mode);
builder.Services.AddScoped(_ => new HttpClient { BaseAddress = baseAddress });

if (mode.IsHosted)
{
    // Hosted (default): the provider runs on the host. This app asks the host's session endpoints, the browser
    // holds only the HttpOnly session cookie, and API calls go through the host's proxy (WasmApiClient).
    builder.Services.AddRefine()
        .AddAuthProvider(_ => new HostSessionAuthProvider(new HttpClient { BaseAddress = new Uri(baseAddress, "_refine/session/") }))
        .AddBlazor(o =>
        {
            o.LoginPath = "/login";
            // The sign-in pages are static server-rendered forms on the host: reach them with a full page load.
            foreach (var path in new[] { "/login", "/register", "/forgot-password", "/update-password" })
            {
                o.FullPageLoadPaths.Add(path);
            }
        });
    builder.Services.AddScoped<WasmApiClient>();
}
else
{
    // Standalone (the weaker mode): the whole auth stack runs in the browser; the InMemory provider keeps its users
    // and the session in this tab's app.
    builder.Services.AddRefine()
        .AddInMemoryAuth(WasmDemoUsers.Configure)
        .AddBlazor(o => o.LoginPath = "/login")
        // Tokens in localStorage (scoped to this app's base path) and the cross-tab refresh lock; the in-memory provider
        // itself keeps its session in the tab, only the /dev/refresh-race harness stores tokens.
        .AddBrowserTokenStore();
}

await builder.Build().RunAsync();
