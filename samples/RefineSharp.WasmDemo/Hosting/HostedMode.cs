using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using RefineSharp.WasmDemo.Backend;
using RefineSharp.WasmDemo.Data;

namespace RefineSharp.WasmDemo.Hosting;

/// <summary>
/// The hosted mode: ASP.NET Core Identity on SQLite (bearer tokens), RefineSharp's Identity provider on this server
/// behind server-side sessions, the session endpoints the WebAssembly client calls, and the API proxy.
/// </summary>
internal static class HostedMode
{
    public static void AddServices(WebApplicationBuilder builder)
    {
        // SQLite file under the content root (WasmDemo:Database), read when the context is built so tests can move it.
        builder.Services.AddDbContext<WasmDemoDbContext>((sp, o) =>
        {
            var path = Path.Combine(builder.Environment.ContentRootPath, sp.GetRequiredService<IConfiguration>()["WasmDemo:Database"] ?? "App_Data/wasm-demo.db");
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            o.UseSqlite($"Data Source={path}");
        });
        builder.Services.AddIdentityApiEndpoints<IdentityUser>(o => o.User.RequireUniqueEmail = true)
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<WasmDemoDbContext>();
        builder.Services.AddBackendApiPolicy();

        // The provider talks to this app's own Identity API over loopback; tokens go into the server-side session.
        builder.Services.AddRefine()
            .AddAspNetIdentityAuth(o =>
            {
                o.BaseAddressResolver = sp => new Uri(OwnAddress.Get(sp), "identity");
                o.LogoutEndpoint = "/logout";
            })
            .AddBlazor(o => o.LoginPath = "/login")
            .AddServerSessions();
        builder.Services.AddRefineApiProxy();
    }

    public static void Map(WebApplication app)
    {
        var identity = app.MapGroup("/identity");
        identity.MapIdentityApi<IdentityUser>();
        identity.MapIdentityRoles<IdentityUser>();

        // MapIdentityApi has no logout: renewing the security stamp makes Identity refuse the session's refresh token.
        identity.MapPost("/logout", async (System.Security.Claims.ClaimsPrincipal principal, UserManager<IdentityUser> users) =>
        {
            if (await users.GetUserAsync(principal) is { } user)
            {
                await users.UpdateSecurityStampAsync(user);
            }

            return Results.NoContent();
        }).RequireAuthorization(BackendApi.BearerPolicy);

        app.MapBackendApi();
        app.MapRefineSessionEndpoints();

        // /api/** → the backend (this app's /backend/ unless WasmDemo:ApiBaseAddress names another server), with the
        // session's access token attached on the server.
        app.MapRefineApiProxy("/api", o => o.DestinationResolver = sp => new Uri(OwnAddress.Get(sp), "backend/"));
    }
}
