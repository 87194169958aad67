using Microsoft.AspNetCore.Components.WebAssembly.Hosting;
#if (InMemory)
using RefineSharp.App.Client;
#else
using RefineSharp.Blazor;
#endif

var builder = WebAssemblyHostBuilder.CreateDefault(args);

#if (InMemory)
// The whole auth stack runs in the browser: the in-memory provider keeps the signed-in user in this tab's app.
builder.Services.AddRefine()
    .AddInMemoryAuth(AppUsers.Configure)
    .AddBlazor(o => o.LoginPath = "/login");
#else
// The real provider runs on the host (MapRefineSessionEndpoints in its Program.cs); this one asks it over HTTP.
// The browser holds only the HttpOnly session cookie, never a token.
var sessionEndpoints = new Uri(new Uri(builder.HostEnvironment.BaseAddress), "_refine/session/");
builder.Services.AddRefine()
    .AddAuthProvider(new HostSessionAuthProvider(new HttpClient { BaseAddress = sessionEndpoints }))
    .AddBlazor(o => o.LoginPath = "/login");
#endif

await builder.Build().RunAsync();
