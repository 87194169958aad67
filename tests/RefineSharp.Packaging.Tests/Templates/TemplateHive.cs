using RefineSharp.Packaging.Tests.Infrastructure;

namespace RefineSharp.Packaging.Tests.Templates;

/// <summary>
/// The template pack installed from the feed's .nupkg into a template hive of its own (--debug:custom-hive), so
/// neither the machine's installed templates nor an earlier run's are seen, and nothing is left installed.
/// </summary>
public sealed class TemplateHive(PackageFeed feed)
{
    public string Directory { get; } = Path.Combine(feed.Root, "hive");

    public string Apps { get; } = Path.Combine(feed.Root, "apps");

    public PackageFeed Feed => feed;

    public async Task InstallAsync()
    {
        System.IO.Directory.CreateDirectory(Apps);
        feed.WriteNuGetConfig(Apps);
        var output = await DotNet.RunAsync(feed.Root, null, TimeSpan.FromMinutes(4),
            "new", "install", feed.PackagePath("RefineSharp.Templates"), "--debug:custom-hive", Directory);
        Assert.Contains("refinesharp", output, StringComparison.Ordinal);
    }

    private readonly SemaphoreSlim _buildOnce = new(1, 1);
    private Task? _built;

    /// <summary>
    /// Instantiates every combination and builds them all in one `dotnet build` of a solution listing their hosts: one
    /// restore and one MSBuild run instead of one per app, which matters on 2 shared cores. Runs once; later calls wait for it.
    /// </summary>
    public async Task BuildAllAsync(IEnumerable<(string RenderMode, string Provider)> combinations)
    {
        await _buildOnce.WaitAsync();
        try
        {
            _built ??= BuildAsync([.. combinations]);
        }
        finally
        {
            _buildOnce.Release();
        }

        await _built;
    }

    public static string AppName(string renderMode, string provider) => $"Smoke{renderMode}{provider}";

    private async Task BuildAsync(IReadOnlyList<(string RenderMode, string Provider)> combinations)
    {
        var hosts = new List<string>();
        foreach (var (renderMode, provider) in combinations)
        {
            var name = AppName(renderMode, provider);
            await NewAsync("refinesharp", "-n", name, "-o", name, "--render-mode", renderMode, "--provider", provider);
            hosts.Add(Path.Combine(Apps, name, name, name + ".csproj"));
        }

        var solution = Path.Combine(Apps, "apps.slnx");
        await File.WriteAllTextAsync(solution, "<Solution>\n" + string.Concat(hosts.Select(h => $"  <Project Path=\"{h}\" />\n")) + "</Solution>\n");
        // An upper bound against a hang, not a timing: this build took 3 min at a load average of 55 on 2 cores, 6 min at 65.
        var log = await DotNet.RunAsync(Apps, null, TimeSpan.FromMinutes(15), "build", solution, "-c", "Release", "-nologo");
        await File.WriteAllTextAsync(Path.Combine(RepositoryPaths.Artifacts, "template-build.log"), log);
    }

    /// <summary>Runs <c>dotnet new</c> with this hive.</summary>
    public Task<string> NewAsync(params string[] args) =>
        DotNet.RunAsync(Apps, null, TimeSpan.FromMinutes(4), ["new", .. args, "--debug:custom-hive", Directory]);
}
