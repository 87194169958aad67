using System.Xml.Linq;

namespace RefineSharp.Packaging.Tests.Infrastructure;

/// <summary>
/// Packs every src/ project and the template pack into a temporary folder feed, once per test run, with a version of
/// its own (the repository's version plus a unique pre-release tag), so that NuGet's global cache can never hand
/// a fresh app a package of an earlier run. The packages come from this build's binaries (pack --no-build). Removes the
/// feed, and that version from the global cache, afterwards.
/// </summary>
public sealed class PackageFeed : IAsyncLifetime
{
    private static readonly TimeSpan PackTimeout = TimeSpan.FromMinutes(8);

    public string Root { get; } = Directory.CreateTempSubdirectory("refinesharp-packaging-").FullName;

    public string Folder => Path.Combine(Root, "feed");

    /// <summary>The version in src/Version.props, as a user would get it.</summary>
    public string RepositoryVersion { get; } = ReadVersionPrefix();

    public string Version { get; }

    /// <summary>The package ids: one per src/ project, then the template pack.</summary>
    public IReadOnlyList<string> LibraryIds { get; } = [.. RepositoryPaths.SourceProjects.Select(Path.GetFileNameWithoutExtension)!];

    private readonly Lazy<Task<Templates.TemplateHive>> _templates;

    public PackageFeed()
    {
        Version = $"{RepositoryVersion}-pkgtest.{DateTime.UtcNow:yyyyMMddHHmmss}.{Random.Shared.Next(1000, 9999)}";
        _templates = new(async () =>
        {
            var hive = new Templates.TemplateHive(this);
            await hive.InstallAsync();
            return hive;
        });
    }

    /// <summary>The template pack of this feed, installed once into a hive of its own.</summary>
    public Task<Templates.TemplateHive> TemplatesAsync() => _templates.Value;

    public string PackagePath(string id, string extension = ".nupkg") => Path.Combine(Folder, $"{id}.{Version}{extension}");

    /// <summary>A nuget.config that adds this feed to the machine's own sources (which serve the dependencies).</summary>
    public void WriteNuGetConfig(string directory) => File.WriteAllText(Path.Combine(directory, "nuget.config"), $"""
        <?xml version="1.0" encoding="utf-8"?>
        <configuration>
          <packageSources>
            <add key="refinesharp-local" value="{Folder}" />
          </packageSources>
        </configuration>
        """);

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Folder);
        var solution = Path.Combine(Root, "packages.slnx");
        var projects = RepositoryPaths.SourceProjects.Append(RepositoryPaths.TemplateProject);
        await File.WriteAllTextAsync(solution, "<Solution>\n" + string.Concat(projects.Select(p => $"  <Project Path=\"{p}\" />\n")) + "</Solution>\n");
        var log = await DotNet.RunAsync(Root, null, PackTimeout,
            "pack", solution, "-c", RepositoryPaths.Configuration, "--no-build", "-o", Folder, "-p:Version=" + Version, "-nologo");
        await File.WriteAllTextAsync(Path.Combine(RepositoryPaths.Artifacts, "pack.log"), log);
    }

    public Task DisposeAsync()
    {
        var cache = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        foreach (var id in LibraryIds.Append("RefineSharp.Templates"))
        {
            TryDelete(Path.Combine(cache, id.ToLowerInvariant(), Version.ToLowerInvariant()));
        }

        TryDelete(Root);
        return Task.CompletedTask;
    }

    internal static void TryDelete(string directory)
    {
        try
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
        catch (IOException)
        {
            // A file still held open is left to the OS temp cleanup.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static string ReadVersionPrefix()
    {
        var props = XDocument.Load(Path.Combine(RepositoryPaths.Root, "src", "Version.props"));
        return props.Descendants("VersionPrefix").Single().Value.Trim();
    }
}
