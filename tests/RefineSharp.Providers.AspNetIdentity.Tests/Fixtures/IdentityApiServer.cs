using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace RefineSharp.Providers.AspNetIdentity.Tests.Fixtures;

/// <summary>
/// A real Identity API (MapIdentityApi + the roles endpoint) on SQLite in a temp file, listening on 127.0.0.1 on a
/// free port. Also maps a few fault endpoints under /garbage and a role-protected /admin-only.
/// </summary>
public sealed class IdentityApiServer : IAsyncDisposable
{
    public const int MaxFailedAttempts = 3;

    private readonly WebApplication _app;
    private readonly string _dbPath;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> _hits = new(StringComparer.OrdinalIgnoreCase);

    private IdentityApiServer(WebApplication app, string dbPath, CapturingEmailSender emails)
    {
        _app = app;
        _dbPath = dbPath;
        Emails = emails;
    }

    public Uri BaseAddress { get; private set; } = null!;

    public CapturingEmailSender Emails { get; }

    /// <summary>How many requests reached <paramref name="path"/> since the last <see cref="ResetHits"/>.</summary>
    public int Hits(string path) => _hits.TryGetValue(path, out var n) ? n : 0;

    public static async Task<IdentityApiServer> StartAsync(TimeProvider? serverTime = null)
    {
        var dbPath = Path.Combine(Path.GetTempPath(), $"refinesharp-identity-{Guid.NewGuid():N}.db");
        var emails = new CapturingEmailSender();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddDbContext<TestIdentityDb>(o => o.UseSqlite($"Data Source={dbPath}"));
        builder.Services.AddAuthorization();
        builder.Services
            .AddIdentityApiEndpoints<IdentityUser>(o =>
            {
                o.Lockout.MaxFailedAccessAttempts = MaxFailedAttempts;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(5);
                o.Lockout.AllowedForNewUsers = true;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<TestIdentityDb>();
        builder.Services.AddSingleton<IEmailSender<IdentityUser>>(emails);
        if (serverTime is not null)
        {
            builder.Services.AddSingleton(serverTime);
        }

        var app = builder.Build();
        var server = new IdentityApiServer(app, dbPath, emails);
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TestIdentityDb>();
            await db.Database.EnsureCreatedAsync();
            var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
            foreach (var role in new[] { "admin", "editor" })
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }

        app.Use(async (context, next) =>
        {
            server._hits.AddOrUpdate(context.Request.Path.Value ?? "", 1, (_, n) => n + 1);

            await next(context);
        });
        app.MapIdentityApi<IdentityUser>();
        app.MapIdentityRoles<IdentityUser>();
        app.MapGet("/admin-only", () => "secret").RequireAuthorization(p => p.RequireRole("admin"));
        app.MapPost("/garbage/login", () => Results.Text("<html>not json</html>", "text/html"));
        app.MapPost("/garbage/refresh", () => Results.Text("{\"accessToken\": 42", "application/json"));
        app.MapGet("/garbage/manage/info", () => Results.Text("[1,2,3]", "application/json"));
        app.MapPost("/garbage/register", () => Results.StatusCode(500));
        await app.StartAsync();
        server.BaseAddress = new Uri(app.Urls.Single());
        return server;
    }

    public void ResetHits() => _hits.Clear();

    /// <summary>Creates a confirmed user with <paramref name="roles"/>.</summary>
    public async Task CreateUserAsync(string email, string password, params string[] roles)
    {
        using var scope = _app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        var user = new IdentityUser { UserName = email, Email = email, EmailConfirmed = true };
        var created = await users.CreateAsync(user, password);
        Assert.True(created.Succeeded, string.Join(" ", created.Errors.Select(e => e.Description)));
        if (roles.Length > 0)
        {
            Assert.True((await users.AddToRolesAsync(user, roles)).Succeeded);
        }
    }

    /// <summary>Gives <paramref name="email"/> <paramref name="role"/> (added) or takes it away, as an admin page would.</summary>
    public async Task SetRoleAsync(string email, string role, bool member)
    {
        using var scope = _app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException("no such user");
        var changed = member ? await users.AddToRoleAsync(user, role) : await users.RemoveFromRoleAsync(user, role);
        Assert.True(changed.Succeeded, string.Join(" ", changed.Errors.Select(e => e.Description)));
    }

    /// <summary>Turns on two-factor sign-in for <paramref name="email"/> and returns fresh recovery codes.</summary>
    public async Task<string[]> EnableTwoFactorAsync(string email)
    {
        using var scope = _app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException("no such user");
        await users.ResetAuthenticatorKeyAsync(user);
        await users.SetTwoFactorEnabledAsync(user, true);
        return (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 3))!.ToArray();
    }

    /// <summary>An address on 127.0.0.1 where nothing listens.</summary>
    public static Uri ClosedAddress()
    {
        var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return new Uri($"http://127.0.0.1:{port}");
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        // This database's pool only: ClearAllPools also closes the pooled connections of classes running in parallel
        // (seen: another class's request failing with ObjectDisposedException on its SQLite handle).
        using (var connection = new SqliteConnection($"Data Source={_dbPath}"))
        {
            SqliteConnection.ClearPool(connection);
        }

        File.Delete(_dbPath);
    }
}
