using Microsoft.AspNetCore.Components.WebAssembly.Hosting;
using RefineSharp.WasmDemo.Client;

var builder = WebAssemblyHostBuilder.CreateDefault(args);

// The whole auth stack runs in the browser: the InMemory provider keeps its users and the session in this tab's app.
builder.Services.AddRefine()
    .AddInMemoryAuth(WasmDemoUsers.Configure)
    .AddBlazor(o => o.LoginPath = "/login");

await builder.Build().RunAsync();
