using System.Diagnostics;
using System.Text;

namespace RefineSharp.Providers.Oidc.Tests.Infrastructure;

/// <summary>
/// A sample app (the identity server or the OIDC demo) run as a real process on a fixed loopback address of the OIDC
/// tests' own port range (the two apps must know each other's address before they start), with a temporary data folder.
/// </summary>
internal sealed class AppProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private AppProcess(Process process, string baseUrl, string dataDirectory)
    {
        _process = process;
        BaseUrl = baseUrl;
        DataDirectory = dataDirectory;
    }

    public string BaseUrl { get; }

    public string DataDirectory { get; }

    public bool HasExited => _process.HasExited;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static string RepositoryRoot { get; } = FindRoot();

    public static string Configuration { get; } =
        AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Debug{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Debug" : "Release";

    /// <summary>Starts samples/<paramref name="project"/> on 127.0.0.1:<paramref name="port"/> and waits until it answers /healthz.</summary>
    public static async Task<AppProcess> StartAsync(string project, int port, IReadOnlyDictionary<string, string> environment, string? dataDirectory = null)
    {
        var projectDir = Path.Combine(RepositoryRoot, "samples", project);
        var dll = Path.Combine(projectDir, "bin", Configuration, "net10.0", project + ".dll");
        if (!File.Exists(dll))
        {
            throw new InvalidOperationException($"{project} is not built: {dll} is missing.");
        }

        dataDirectory ??= Directory.CreateTempSubdirectory("refinesharp-oidc-").FullName;
        var baseUrl = $"http://127.0.0.1:{port}";
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = projectDir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { dll, "--urls", baseUrl, "--contentRoot", projectDir })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value.Replace("{data}", dataDirectory, StringComparison.Ordinal);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {project}.");
        var app = new AppProcess(process, baseUrl, dataDirectory);
        process.OutputDataReceived += (_, e) => app.Append(e.Data);
        process.ErrorDataReceived += (_, e) => app.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        // A generous bound for a cold start on a busy 2-core machine, not a timing assertion.
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                // HasExited can turn true before the asynchronous readers have delivered the last lines (a full run
                // once lost the very message a test looks for); WaitForExitAsync also waits for both streams to end.
                await process.WaitForExitAsync();
                throw new InvalidOperationException($"{project} exited before answering:\n{app.Output}");
            }

            try
            {
                using var health = await http.GetAsync(new Uri(baseUrl + "/healthz"));
                if (health.IsSuccessStatusCode)
                {
                    return app;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Slow first request.
            }

            await Task.Delay(250);
        }

        await app.DisposeAsync();
        throw new TimeoutException($"{project} did not answer on {baseUrl} in time:\n{app.Output}");
    }

    /// <summary>Stops the process (the data folder stays until <see cref="DisposeAsync"/> or the next start reuses it).</summary>
    public async Task StopAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _process.Dispose();
    }

    /// <summary>Deletes the data folder (after every process using it has stopped).</summary>
    public static void DeleteData(string dataDirectory)
    {
        try
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // Left to the OS temp cleanup.
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

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
