using System.Diagnostics;
using System.IO.Compression;
using System.Reflection.Metadata;
using System.Text.Json;
using System.Xml.Linq;
using RefineSharp.Packaging.Tests.Infrastructure;

namespace RefineSharp.Packaging.Tests.Packages;

/// <summary>
/// What a package consumer sees of each src/ package: id, version, license, readme, icon, repository, symbols with
/// SourceLink to this commit, and sibling dependencies pinned to the exact version (the packages share internals).
/// </summary>
[Collection(PackagingCollection.Name)]
public sealed class PackageContentsTests(PackageFeed feed)
{
    private const string RepositoryUrl = "https://github.com/refinesharp/RefineSharp";
    private static readonly Guid SourceLinkKind = new("CC110556-A091-4D38-9FEC-25AB9A351A6A");

    public static TheoryData<string> Libraries => [.. RepositoryPaths.SourceProjects.Select(p => Path.GetFileNameWithoutExtension(p))];

    [Theory]
    [MemberData(nameof(Libraries))]
    public void Library_Nuspec_HasEveryPieceOfMetadata(string id)
    {
        using var package = ZipFile.OpenRead(feed.PackagePath(id));
        var nuspec = Nuspec(package, id);
        XNamespace ns = nuspec.Root!.GetDefaultNamespace();
        var metadata = nuspec.Root.Element(ns + "metadata")!;
        string Value(string name) => metadata.Element(ns + name)?.Value ?? "";

        Assert.Equal(id, Value("id"));
        Assert.Equal(feed.Version, Value("version"));
        Assert.Equal("MIT", Value("license"));
        Assert.Equal("expression", metadata.Element(ns + "license")!.Attribute("type")?.Value);
        Assert.True(Value("description").Length > 40, $"{id}: a real description, not the default");
        Assert.Equal(RepositoryUrl, Value("projectUrl"));

        var repository = metadata.Element(ns + "repository")!;
        Assert.Equal(RepositoryUrl, repository.Attribute("url")?.Value);
        Assert.Equal(GitHead(), repository.Attribute("commit")?.Value);

        // The readme is this package's own, not a shared or empty file.
        Assert.Equal("README.md", Value("readme"));
        var readme = Text(package, "README.md");
        Assert.StartsWith("# " + id + "\n", readme.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.True(readme.Length > 200, $"{id}: README.md says what the package is for");

        Assert.Equal("icon.png", Value("icon"));
        var icon = Bytes(package, "icon.png");
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], icon[..4]);

        Assert.NotNull(package.GetEntry($"lib/net10.0/{id}.dll"));
        Assert.NotNull(package.GetEntry($"lib/net10.0/{id}.xml"));

        // A sibling is pinned to this very version; anything else is "this version or newer".
        var siblings = metadata.Descendants(ns + "dependency").Where(d => d.Attribute("id")!.Value.StartsWith("RefineSharp.", StringComparison.Ordinal)).ToList();
        Assert.All(siblings, d => Assert.Equal($"[{feed.Version}]", d.Attribute("version")?.Value));
        // Core arrives pinned, directly or through a sibling that pins it (the UI kits depend on RefineSharp.Blazor).
        if (id is not "RefineSharp.Core" and not "RefineSharp.Providers.AspNetIdentity.Server")
        {
            Assert.Contains(siblings, d => d.Attribute("id")!.Value is "RefineSharp.Core" or "RefineSharp.Blazor");
        }
    }

    [Theory]
    [MemberData(nameof(Libraries))]
    public void Library_SymbolPackage_PdbLinksSourcesToThisCommit(string id)
    {
        using var symbols = ZipFile.OpenRead(feed.PackagePath(id, ".snupkg"));
        var pdbEntry = symbols.GetEntry($"lib/net10.0/{id}.pdb");
        Assert.NotNull(pdbEntry);

        using var pdb = new MemoryStream();
        using (var stream = pdbEntry.Open())
        {
            stream.CopyTo(pdb);
        }

        pdb.Position = 0;
        using var provider = MetadataReaderProvider.FromPortablePdbStream(pdb);
        var reader = provider.GetMetadataReader();
        var sourceLink = reader.CustomDebugInformation
            .Select(reader.GetCustomDebugInformation)
            .Where(info => reader.GetGuid(info.Kind) == SourceLinkKind)
            .Select(info => reader.GetBlobBytes(info.Value))
            .Single();

        using var json = JsonDocument.Parse(sourceLink);
        var documents = json.RootElement.GetProperty("documents").EnumerateObject().ToList();
        var mapping = Assert.Single(documents);
        Assert.EndsWith("*", mapping.Name, StringComparison.Ordinal);
        Assert.Equal($"https://raw.githubusercontent.com/refinesharp/RefineSharp/{GitHead()}/*", mapping.Value.GetString());

        // Every source document of the assembly lies under the mapped folder, so the debugger can fetch each one.
        var root = mapping.Name.TrimEnd('*');
        var paths = reader.Documents.Select(h => reader.GetString(reader.GetDocument(h).Name)).Where(p => p.EndsWith(".cs", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(paths);
        Assert.All(paths.Where(p => !p.Contains("/obj/", StringComparison.Ordinal)), p => Assert.StartsWith(root, p, StringComparison.Ordinal));
    }

    [Fact]
    public void TemplatePack_IsATemplatePackageWithVersionsFilledIn()
    {
        using var package = ZipFile.OpenRead(feed.PackagePath("RefineSharp.Templates"));
        var nuspec = Nuspec(package, "RefineSharp.Templates");
        XNamespace ns = nuspec.Root!.GetDefaultNamespace();
        var metadata = nuspec.Root.Element(ns + "metadata")!;

        Assert.Equal(feed.Version, metadata.Element(ns + "version")?.Value);
        Assert.Equal("Template", metadata.Element(ns + "packageTypes")?.Element(ns + "packageType")?.Attribute("name")?.Value);
        Assert.Equal("MIT", metadata.Element(ns + "license")?.Value);
        Assert.Empty(metadata.Descendants(ns + "dependency"));
        Assert.NotNull(package.GetEntry("content/RefineSharp.App/.template.config/template.json"));

        var projects = package.Entries.Where(e => e.FullName.EndsWith(".csproj", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, projects.Count);
        foreach (var project in projects)
        {
            var text = Text(package, project.FullName);
            Assert.DoesNotContain("REFINESHARP_VERSION", text, StringComparison.Ordinal);
            Assert.DoesNotContain("ASPNETCORE_VERSION", text, StringComparison.Ordinal);
            var refine = XDocument.Parse(text).Descendants("PackageReference")
                .Where(r => r.Attribute("Include")!.Value.StartsWith("RefineSharp.", StringComparison.Ordinal)).ToList();
            Assert.NotEmpty(refine);
            Assert.All(refine, r => Assert.Equal(feed.Version, r.Attribute("Version")?.Value));
        }
    }

    private static XDocument Nuspec(ZipArchive package, string id) => XDocument.Parse(Text(package, id + ".nuspec"));

    private static string Text(ZipArchive package, string entry)
    {
        using var reader = new StreamReader(package.GetEntry(entry)?.Open() ?? throw new InvalidOperationException($"{entry} is not in the package."));
        return reader.ReadToEnd();
    }

    private static byte[] Bytes(ZipArchive package, string entry)
    {
        using var stream = package.GetEntry(entry)?.Open() ?? throw new InvalidOperationException($"{entry} is not in the package.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private static string GitHead()
    {
        var start = new ProcessStartInfo("git", "rev-parse HEAD") { WorkingDirectory = RepositoryPaths.Root, RedirectStandardOutput = true, UseShellExecute = false };
        using var git = Process.Start(start)!;
        var head = git.StandardOutput.ReadToEnd().Trim();
        git.WaitForExit();
        Assert.Equal(0, git.ExitCode);
        return head;
    }
}
