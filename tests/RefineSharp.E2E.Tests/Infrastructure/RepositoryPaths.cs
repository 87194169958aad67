namespace RefineSharp.E2E.Tests.Infrastructure;

/// <summary>Finds the repository's folders from the test assembly's location.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>Screenshots land here (one folder per run is not needed: names are unique per test).</summary>
    public static string Artifacts { get; } = Directory.CreateDirectory(Path.Combine(Root, "test-artifacts", "e2e")).FullName;

    /// <summary>"Release" or "Debug": the demo is started from the same configuration the tests were built in.</summary>
    public static string Configuration { get; } =
        AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Debug{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Debug" : "Release";

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
