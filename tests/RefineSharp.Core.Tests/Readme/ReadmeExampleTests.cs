using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using RefineSharp.Tests.TestDoubles;
using RefineSharp.Tokens;

namespace RefineSharp.Tests.Readme;

/// <summary>The 30-line provider in README.md compiles, matches the file here, and behaves like refine's tutorial provider.</summary>
public sealed class ReadmeExampleTests
{
    private readonly MemoryTokenStore _tokens = new();

    [Fact]
    public void Readme_ProviderCode_IsTheCodeCompiledHere()
    {
        var root = FindRepositoryRoot();
        var readme = Normalize(File.ReadAllText(Path.Combine(root, "README.md")));
        var compiled = File.ReadAllLines(Path.Combine(root, "tests", "RefineSharp.Core.Tests", "Readme", "RestAuthProvider.cs"))
            .Where(l => !l.StartsWith("namespace ", StringComparison.Ordinal) && !l.StartsWith("// ", StringComparison.Ordinal));

        Assert.Contains(Normalize(string.Join('\n', compiled)), readme, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoginAsync_ApiReturnsToken_StoresItAndGoesHome()
    {
        await using var manager = CreateManager(_ => Json("""{ "accessToken": "t-123" }"""));

        var result = await manager.Manager.LoginAsync(new LoginRequest { Email = "ann@example.com", Password = "pw" });

        Assert.True(result.Success);
        Assert.Equal("t-123", (await _tokens.GetAsync())?.AccessToken);
        Assert.Equal(new Navigation("/", NavigationKind.Replace), Assert.Single(manager.Navigator.Navigations));
        Assert.True((await manager.Manager.CheckAsync()).Authenticated);
    }

    [Fact]
    public async Task LoginAsync_ApiRefuses_FailsWithRefinesNotification()
    {
        await using var manager = CreateManager(_ => Task.FromResult(new HttpResponseMessage(HttpStatusCode.Unauthorized)));

        var result = await manager.Manager.LoginAsync(new LoginRequest { Email = "ann@example.com", Password = "bad" });

        Assert.False(result.Success);
        var notification = Assert.Single(manager.Notifications.Opened);
        Assert.Equal(("login-error", "Login Error", "Invalid credentials"), (notification.Key, notification.Message, notification.Description));
        Assert.False((await manager.Manager.CheckAsync()).Authenticated);
    }

    [Fact]
    public async Task GetIdentityAsync_SendsTheBearerAndReadsTheUser()
    {
        string? authorization = null;
        await using var manager = CreateManager(request =>
        {
            authorization = request.Headers.Authorization?.ToString();
            return Json("""{ "id": "1", "name": "Ann" }""");
        });
        await _tokens.SetAsync(new TokenSet { AccessToken = "t-9" });

        var me = await manager.Manager.GetIdentityAsync<UserIdentity>();

        Assert.Equal("Bearer t-9", authorization);
        Assert.Equal("Ann", me?.Name);
    }

    private AuthTestHost CreateManager(Func<HttpRequestMessage, Task<HttpResponseMessage>> api) =>
        AuthTestHost.Create(b => b.AddAuthProvider(new RestAuthProvider(
            new HttpClient(new StubHttpMessageHandler(api)) { BaseAddress = new Uri("http://api.test/") }, _tokens)));

    private static Task<HttpResponseMessage> Json(string body) =>
        Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(body, Encoding.UTF8, "application/json") });

    // Line endings, trailing spaces and runs of blank lines do not count.
    private static string Normalize(string text)
    {
        var lines = text.Replace("\r", "", StringComparison.Ordinal).Split('\n').Select(l => l.TrimEnd());
        var kept = lines.Where((line, i) => line.Length > 0 || i == 0 || lines.ElementAt(i - 1).Length > 0);
        return string.Join('\n', kept).Trim();
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "RefineSharp.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("RefineSharp.slnx not found above " + AppContext.BaseDirectory);
    }
}
