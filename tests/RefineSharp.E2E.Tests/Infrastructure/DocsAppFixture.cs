using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace RefineSharp.E2E.Tests.Infrastructure;

/// <summary>
/// A fresh app made of nothing but the snippets of docs/providers/jwt.md (each code block under a
/// <c>&lt;!-- docs-app: path --&gt;</c> marker becomes that file), with a project file that only references the
/// packages, built with the SDK and run as its own process against the sample JWT API (samples/RefineSharp.JwtApi,
/// also a process of its own, with short-lived access tokens so a refresh can be watched). Ports 5620 and 5621.
/// </summary>
public sealed partial class DocsAppFixture : IAsyncLifetime
{
    /// <summary>Access tokens live 40 s and are refreshed 30 s before they expire: a token is "about to expire" 10 s after it was issued.</summary>
    public static readonly TimeSpan AccessTokenLifetime = TimeSpan.FromSeconds(40);

    private const int AppPort = 5620;
    private const int ApiPort = 5621;
    private readonly List<(Process Process, StringBuilder Output, string Name)> _processes = [];
    private string _projectDirectory = "";

    public string BaseUrl => $"http://127.0.0.1:{AppPort}";

    public Uri Api { get; } = new($"http://127.0.0.1:{ApiPort}/");

    public IPlaywright Playwright { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>The files the docs define, by path: what the test compiled.</summary>
    public IReadOnlyDictionary<string, string> Files { get; private set; } = new Dictionary<string, string>();

    public async Task InitializeAsync()
    {
        Files = ExtractFiles(await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Root, "docs", "providers", "jwt.md")));
        _projectDirectory = Directory.CreateTempSubdirectory("refinesharp-docs-app-").FullName;
        foreach (var (path, content) in Files)
        {
            var target = Path.Combine(_projectDirectory, path);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            await File.WriteAllTextAsync(target, content);
        }

        await File.WriteAllTextAsync(Path.Combine(_projectDirectory, "MyApp.csproj"), ProjectFile());
        await RunToEndAsync("dotnet", ["build", "MyApp.csproj", "-c", RepositoryPaths.Configuration, "-p:BuildProjectReferences=false", "-nologo"], _projectDirectory, "docs-app-build");

        var apiDll = Path.Combine(RepositoryPaths.Root, "samples", "RefineSharp.JwtApi", "bin", RepositoryPaths.Configuration, "net10.0", "RefineSharp.JwtApi.dll");
        await StartAsync("docs-jwt-api", apiDll, ApiPort, Path.GetDirectoryName(apiDll)!, new Dictionary<string, string>
        {
            ["JwtApi__EnableDevEndpoints"] = "true",
            ["JwtApi__AccessTokenLifetime"] = AccessTokenLifetime.ToString("c"),
        });
        var appDll = Path.Combine(_projectDirectory, "bin", RepositoryPaths.Configuration, "net10.0", "MyApp.dll");
        await StartAsync("docs-app", appDll, AppPort, _projectDirectory, new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["JwtApi__BaseAddress"] = Api.AbsoluteUri,
        });

        (Playwright, Browser) = await Infrastructure.Browser.LaunchAsync();
    }

    /// <summary>Successful refreshes the API performed so far.</summary>
    public async Task<long> ApiRefreshesAsync()
    {
        using var http = new HttpClient { BaseAddress = Api };
        return (await http.GetFromJsonAsync<Stats>("dev/stats"))!.Refreshes;
    }

    /// <summary>Ends every session of user <paramref name="userId"/> at the API: its tokens, refresh tokens included, are refused from now on.</summary>
    public async Task RevokeAllAsync(long userId)
    {
        using var http = new HttpClient { BaseAddress = Api };
        using var response = await http.PostAsync(new Uri($"dev/revoke/{userId}", UriKind.Relative), null);
        response.EnsureSuccessStatusCode();
    }

    public string Output(string name)
    {
        var entry = _processes.First(p => p.Name == name);
        lock (entry.Output)
        {
            return entry.Output.ToString();
        }
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
            Playwright.Dispose();
        }

        foreach (var (process, output, name) in _processes)
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }

            process.Dispose();
            await File.WriteAllTextAsync(Path.Combine(RepositoryPaths.Artifacts, name + ".log"), output.ToString());
        }

        try
        {
            Directory.Delete(_projectDirectory, recursive: true);
        }
        catch (IOException)
        {
            // Left to the OS temp cleanup.
        }
    }

    /// <summary>Every code block that follows a docs-app marker, by the path the marker names.</summary>
    internal static Dictionary<string, string> ExtractFiles(string markdown)
    {
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match match in DocsAppBlock().Matches(markdown.Replace("\r", "", StringComparison.Ordinal)))
        {
            files.Add(match.Groups["path"].Value, match.Groups["code"].Value);
        }

        if (!files.ContainsKey("Program.cs"))
        {
            throw new InvalidOperationException("docs/providers/jwt.md has no block marked <!-- docs-app: Program.cs -->.");
        }

        return files;
    }

    // Nothing but the packages: everything else comes from the docs.
    private static string ProjectFile() => $"""
        <Project Sdk="Microsoft.NET.Sdk.Web">
          <PropertyGroup>
            <TargetFramework>net10.0</TargetFramework>
            <Nullable>enable</Nullable>
            <ImplicitUsings>enable</ImplicitUsings>
            <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
            <BlazorDisableThrowNavigationException>true</BlazorDisableThrowNavigationException>
          </PropertyGroup>
          <ItemGroup>
            <ProjectReference Include="{RepositoryPaths.Root}/src/RefineSharp.Blazor/RefineSharp.Blazor.csproj" />
            <ProjectReference Include="{RepositoryPaths.Root}/src/RefineSharp.AspNetCore/RefineSharp.AspNetCore.csproj" />
            <ProjectReference Include="{RepositoryPaths.Root}/src/RefineSharp.Providers.Jwt/RefineSharp.Providers.Jwt.csproj" />
          </ItemGroup>
        </Project>
        """;

    private static async Task RunToEndAsync(string file, string[] args, string directory, string name)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(5));
        var output = await stdout + await stderr;
        await File.WriteAllTextAsync(Path.Combine(RepositoryPaths.Artifacts, name + ".log"), output);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"The app compiled from docs/providers/jwt.md does not build:\n{output}");
        }
    }

    private async Task StartAsync(string name, string dll, int port, string contentRoot, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = contentRoot, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { dll, "--urls", $"http://127.0.0.1:{port}", "--contentRoot", contentRoot })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start " + name);
        var output = new StringBuilder();
        _processes.Add((process, output, name));
        var listening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnLine(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (output)
            {
                output.AppendLine(line);
            }

            if (line.Contains("Now listening on:", StringComparison.Ordinal))
            {
                listening.TrySetResult();
            }
        }

        process.OutputDataReceived += (_, e) => OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => OnLine(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _ = process.WaitForExitAsync().ContinueWith(_ => listening.TrySetException(new InvalidOperationException($"{name} exited before listening:\n{output}")), TaskScheduler.Default);

        // A generous bound for a cold start on a busy machine, not a timing assertion.
        await listening.Task.WaitAsync(TimeSpan.FromSeconds(120));
    }

    [GeneratedRegex(@"<!-- docs-app: (?<path>[^\s]+) -->\n```[a-z]*\n(?<code>.*?)```", RegexOptions.Singleline)]
    private static partial Regex DocsAppBlock();

    private sealed record Stats(long Refreshes);
}
