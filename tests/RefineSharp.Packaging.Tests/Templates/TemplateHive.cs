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
        var output = await DotNet.RunAsync(feed.Root, null, TimeSpan.FromMinutes(2),
            "new", "install", feed.PackagePath("RefineSharp.Templates"), "--debug:custom-hive", Directory);
        Assert.Contains("refinesharp", output, StringComparison.Ordinal);
    }

    /// <summary>Runs <c>dotnet new</c> with this hive.</summary>
    public Task<string> NewAsync(params string[] args) =>
        DotNet.RunAsync(Apps, null, TimeSpan.FromMinutes(2), ["new", .. args, "--debug:custom-hive", Directory]);
}
