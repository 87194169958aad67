using System.Text;

namespace RefineSharp.E2E.Tests.Infrastructure;

/// <summary>
/// A sample app that <see cref="DemoServer"/> can start: its project folder under samples/, the settings it runs
/// with (given its temporary data folder), and the requests that warm it up before the first test.
/// </summary>
internal sealed class SampleProject
{
    private readonly Func<string, IReadOnlyDictionary<string, string>> _environment;
    private readonly Func<HttpClient, Task> _warmUp;

    private SampleProject(string name, Func<string, IReadOnlyDictionary<string, string>> environment, Func<HttpClient, Task> warmUp)
    {
        Name = name;
        _environment = environment;
        _warmUp = warmUp;
    }

    /// <summary>The Interactive Server demo: Identity on a temporary SQLite file, with the outbox served.</summary>
    public static SampleProject Demo { get; } = new(
        "RefineSharp.Demo",
        dataDirectory => new Dictionary<string, string>
        {
            ["Demo__Database"] = Path.Combine(dataDirectory, "demo.db"),
            ["Demo__EnableOutbox"] = "true",
            // The tests sign in with the documented passwords (TestUsers); Development seeds them anyway, this says so.
            ["Demo__SeedPasswords"] = "known",
        },
        WarmUpDemoAsync);

    /// <summary>The Interactive WebAssembly demo: a host that prerenders and serves the browser app; no data of its own.</summary>
    public static SampleProject WasmDemo { get; } = new(
        "RefineSharp.WasmDemo",
        _ => new Dictionary<string, string>(),
        WarmUpWasmDemoAsync);

    /// <summary>The UI-kits sample in <paramref name="kit"/> (Headless, MudBlazor or Fluent): Identity on a temporary SQLite file.</summary>
    public static SampleProject KitsDemo(string kit) => new(
        "RefineSharp.KitsDemo",
        dataDirectory => new Dictionary<string, string>
        {
            ["KitsDemo__Database"] = Path.Combine(dataDirectory, "kits.db"),
            ["Kit"] = kit,
        },
        async http => (await http.GetAsync(new Uri("login", UriKind.Relative))).EnsureSuccessStatusCode().Dispose());

    /// <summary>The project's name, which is also its folder under samples/ and its assembly name.</summary>
    public string Name { get; }

    public string ProjectDirectory => Path.Combine(RepositoryPaths.Root, "samples", Name);

    public string AssemblyPath => Path.Combine(ProjectDirectory, "bin", RepositoryPaths.Configuration, "net10.0", Name + ".dll");

    public IReadOnlyDictionary<string, string> Environment(string dataDirectory) => _environment(dataDirectory);

    public Task WarmUpAsync(HttpClient http) => _warmUp(http);

    /// <summary>
    /// Renders a page and signs in once over HTTP, so the first test does not pay for the JIT of Razor, Identity and
    /// EF Core on a busy machine (its first page could otherwise take most of a Playwright timeout).
    /// </summary>
    private static async Task WarmUpDemoAsync(HttpClient http)
    {
        using var page = await http.GetAsync(new Uri("login", UriKind.Relative));
        page.EnsureSuccessStatusCode();
        using var login = await http.PostAsync(
            new Uri("identity/login", UriKind.Relative),
            new StringContent($$"""{"email":"{{TestUsers.EditorEmail}}","password":"{{TestUsers.EditorPassword}}"}""", Encoding.UTF8, "application/json"));
        login.EnsureSuccessStatusCode();
    }

    /// <summary>Prerenders a guarded page once (the server side of the first visit); the browser app warms up in the fixture.</summary>
    private static async Task WarmUpWasmDemoAsync(HttpClient http)
    {
        using var page = await http.GetAsync(new Uri("admin", UriKind.Relative));
        page.EnsureSuccessStatusCode();
    }
}
