using Microsoft.AspNetCore.Components.WebAssembly.Hosting;
using Microsoft.FluentUI.AspNetCore.Components;
using MudBlazor.Services;
using RefineSharp.Blazor;
using RefineSharp.KitsDemo.Client;

var builder = WebAssemblyHostBuilder.CreateDefault(args);
var kit = OperatingSystem.IsBrowser() ? KitPage.Read() : new KitSettings(UiKit.Headless, Dark: false, KitRenderMode.WebAssembly);
builder.Services.AddSingleton(kit);

// The provider runs on the host: this app asks the host's session endpoints (sign-in included, which sets the
// HttpOnly session cookie in that response); no token reaches the browser.
var baseAddress = new Uri(builder.HostEnvironment.BaseAddress);
var refine = builder.Services.AddRefine()
    .AddAuthProvider(_ => new HostSessionAuthProvider(new HttpClient { BaseAddress = new Uri(baseAddress, "_refine/session/") }))
    .AddBlazor(o => o.LoginPath = "/login");

// The same kit services as the host's, so prerendered and browser pages look and notify alike.
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

await builder.Build().RunAsync();
