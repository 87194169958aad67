namespace RefineSharp.Packaging.Tests.Infrastructure;

/// <summary>Finds the repository's folders from the test assembly's location.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>Logs and screenshots of these tests.</summary>
    public static string Artifacts { get; } = Directory.CreateDirectory(Path.Combine(Root, "test-artifacts", "packaging")).FullName;

    /// <summary>"Release" or "Debug": the feed is packed from the configuration the tests were built in.</summary>
    public static string Configuration { get; } =
        AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Debug{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Debug" : "Release";

    /// <summary>Every packable library: one folder per package under src/.</summary>
    public static IReadOnlyList<string> SourceProjects { get; } =
        [.. Directory.GetDirectories(Path.Combine(Root, "src")).Select(d => Path.Combine(d, Path.GetFileName(d) + ".csproj")).Where(File.Exists).Order(StringComparer.Ordinal)];

    public static string TemplateProject => Path.Combine(Root, "templates", "RefineSharp.Templates", "RefineSharp.Templates.csproj");

    private static string FindRoot()
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
