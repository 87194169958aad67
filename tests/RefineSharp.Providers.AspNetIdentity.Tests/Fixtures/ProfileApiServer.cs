using System.Collections.Concurrent;
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
/// A real Identity API with the profile endpoint (MapIdentityApi + MapIdentityProfile, unique emails) on SQLite in a
/// temp file, on 127.0.0.1. Confirmation links are captured per address; /down/manage/profile answers 503 like a
/// backend that is down behind a proxy. The database itself is the oracle for "nothing changed".
/// </summary>
public sealed class ProfileApiServer : IAsyncLifetime
{
    private WebApplication _app = null!;
    private readonly string _dbPath = Path.Combine(Path.GetTempPath(), $"refinesharp-profile-{Guid.NewGuid():N}.db");

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Every confirmation link Identity sent, by the address it went to.</summary>
    public ConcurrentDictionary<string, string> ConfirmationLinks { get; } = new(StringComparer.OrdinalIgnoreCase);

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddDbContext<TestIdentityDb>(o => o.UseSqlite($"Data Source={_dbPath}"));
        builder.Services.AddAuthorization();
        builder.Services
            .AddIdentityApiEndpoints<IdentityUser>(o => o.User.RequireUniqueEmail = true)
            .AddEntityFrameworkStores<TestIdentityDb>();
        builder.Services.AddSingleton<IEmailSender<IdentityUser>>(new LinkCapture(ConfirmationLinks));
        _app = builder.Build();
        using (var scope = _app.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<TestIdentityDb>().Database.EnsureCreatedAsync();
        }

        _app.MapIdentityApi<IdentityUser>();
        _app.MapIdentityProfile<IdentityUser>();
        _app.MapMethods("/down/manage/profile", ["GET", "POST"], () => Results.StatusCode(StatusCodes.Status503ServiceUnavailable));
        await _app.StartAsync();
        BaseAddress = new Uri(_app.Urls.Single());
    }

    /// <summary>An address on 127.0.0.1 where nothing listens.</summary>
    public static Uri ClosedAddress() => IdentityApiServer.ClosedAddress();

    public static string NewEmail(string prefix = "user") => $"{prefix}-{Guid.NewGuid():N}@test.local";

    public async Task CreateUserAsync(string email, string password)
    {
        using var scope = _app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        var created = await users.CreateAsync(new IdentityUser { UserName = email, Email = email, EmailConfirmed = true }, password);
        Assert.True(created.Succeeded, string.Join(" ", created.Errors.Select(e => e.Description)));
    }

    /// <summary>What the database holds for the user with id <paramref name="id"/>: user name, email, and every claim.</summary>
    public async Task<StoredUser> ReadAsync(string id)
    {
        using var scope = _app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        var user = await users.FindByIdAsync(id) ?? throw new InvalidOperationException("no such user");
        var claims = await users.GetClaimsAsync(user);
        return new StoredUser(user.UserName, user.Email, user.EmailConfirmed, user.SecurityStamp, [.. claims.Select(c => $"{c.Type}={c.Value}").Order(StringComparer.Ordinal)]);
    }

    public async Task<string> IdOfAsync(string email)
    {
        using var scope = _app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        return (await users.FindByEmailAsync(email))?.Id ?? throw new InvalidOperationException("no such user");
    }

    /// <summary>Opens a confirmation link as the user's browser would (the link is HTML-encoded, as Identity sends it).</summary>
    public async Task<HttpStatusCode> OpenAsync(string link)
    {
        using var http = new HttpClient();
        using var response = await http.GetAsync(WebUtility.HtmlDecode(link));
        return response.StatusCode;
    }

    public async Task DisposeAsync()
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

    public sealed record StoredUser(string? UserName, string? Email, bool EmailConfirmed, string? SecurityStamp, IReadOnlyList<string> Claims)
    {
        /// <summary>Everything stored, as one comparable string (the claims list compares by reference).</summary>
        public string Fingerprint => $"{UserName}|{Email}|{EmailConfirmed}|{SecurityStamp}|{string.Join("\n", Claims)}";
    }

    private sealed class LinkCapture(ConcurrentDictionary<string, string> links) : IEmailSender<IdentityUser>
    {
        public Task SendConfirmationLinkAsync(IdentityUser user, string email, string confirmationLink)
        {
            links[email] = confirmationLink;
            return Task.CompletedTask;
        }

        public Task SendPasswordResetLinkAsync(IdentityUser user, string email, string resetLink) => Task.CompletedTask;

        public Task SendPasswordResetCodeAsync(IdentityUser user, string email, string resetCode) => Task.CompletedTask;
    }
}
