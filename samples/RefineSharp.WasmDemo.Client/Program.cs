using Microsoft.AspNetCore.Components.WebAssembly.Hosting;
using RefineSharp.WasmDemo.Client;

var builder = WebAssemblyHostBuilder.CreateDefault(args);

// The whole auth stack runs in the browser: the InMemory provider keeps its users and the session in this tab's app.
builder.Services.AddRefine()
    .AddInMemoryAuth(WasmDemoUsers.Configure)
    .AddBlazor(o => o.LoginPath = "/login")
    // Tokens in localStorage (scoped to this app's base path) and the cross-tab refresh lock; the in-memory provider
    // itself keeps its session in the tab, only the /dev/refresh-race harness stores tokens.
    .AddBrowserTokenStore();
builder.Services.AddScoped(_ => new HttpClient { BaseAddress = new Uri(builder.HostEnvironment.BaseAddress) });

await builder.Build().RunAsync();
