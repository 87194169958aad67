using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace RefineSharp.E2E.Tests.Infrastructure;

/// <summary>
/// Runs a sample app (by default the demo) as a separate process, the way `dotnet run` does (Development, its project
/// folder as content root), on a free loopback port, with a temporary data folder (the demo's SQLite database) that is
/// deleted afterwards.
/// </summary>
internal sealed partial class DemoServer : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly string _dataDirectory;

    private readonly string _name;

    private DemoServer(Process process, string dataDirectory, string name)
    {
        _process = process;
        _dataDirectory = dataDirectory;
        _name = name;
    }

    public string BaseUrl { get; private set; } = "";

    public string DatabasePath => Path.Combine(_dataDirectory, "demo.db");

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

    private event Action? LineWritten;

    /// <summary>Waits until the server has written a line matching <paramref name="pattern"/> (logs reach the pipe a moment after the request).</summary>
    public async Task WaitForOutputAsync(Regex pattern)
    {
        var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void Check()
        {
            if (pattern.IsMatch(Output))
            {
                seen.TrySetResult();
            }
        }

        LineWritten += Check;
        try
        {
            Check();
            // An upper bound for a log line already on its way, not a timing assertion.
            await seen.Task.WaitAsync(TimeSpan.FromSeconds(30));
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"The server never wrote a line matching {pattern}. Its output:\n{Output}");
        }
        finally
        {
            LineWritten -= Check;
        }
    }

    /// <summary>Starts the demo; its output is kept in <see cref="Output"/> and saved as test-artifacts/e2e/&lt;name&gt;.log when it stops.</summary>
    public static Task<DemoServer> StartAsync(string name, IReadOnlyDictionary<string, string>? environment = null) =>
        StartAsync(SampleProject.Demo, name, environment);

    /// <summary>Starts <paramref name="sample"/>, with <paramref name="environment"/> on top of the sample's own settings.</summary>
    public static async Task<DemoServer> StartAsync(SampleProject sample, string name, IReadOnlyDictionary<string, string>? environment = null)
    {
        var projectDir = sample.ProjectDirectory;
        var dll = sample.AssemblyPath;
        if (!File.Exists(dll))
        {
            throw new InvalidOperationException($"{sample.Name} is not built: {dll} is missing. Run ./test.sh (it builds the solution first).");
        }

        var dataDirectory = Directory.CreateTempSubdirectory("refinesharp-e2e-").FullName;
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = projectDir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { dll, "--urls", "http://127.0.0.1:0", "--contentRoot", projectDir })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["Logging__LogLevel__Microsoft.AspNetCore"] = "Warning";
        foreach (var (key, value) in sample.Environment(dataDirectory).Concat(environment ?? new Dictionary<string, string>()))
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {sample.Name}.");
        var server = new DemoServer(process, dataDirectory, name);
        var listening = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, e) => server.OnLine(e.Data, listening);
        process.ErrorDataReceived += (_, e) => server.OnLine(e.Data, listening);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _ = process.WaitForExitAsync().ContinueWith(_ => listening.TrySetException(
            new InvalidOperationException($"{sample.Name} exited before listening:\n" + server.Output)), TaskScheduler.Default);

        // A generous bound, not a timing assertion: a cold start on a busy 2-core machine can be slow.
        server.BaseUrl = await listening.Task.WaitAsync(TimeSpan.FromSeconds(120));
        using var http = new HttpClient { BaseAddress = new Uri(server.BaseUrl + "/"), Timeout = TimeSpan.FromSeconds(120) };
        await sample.WarmUpAsync(http);
        return server;
    }

    private void OnLine(string? line, TaskCompletionSource<string> listening)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }

        LineWritten?.Invoke();
        var match = ListeningPattern().Match(line);
        if (match.Success)
        {
            listening.TrySetResult(match.Groups[1].Value);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        await File.WriteAllTextAsync(Path.Combine(RepositoryPaths.Artifacts, _name + ".log"), Output);
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open is left to the OS temp cleanup.
        }
    }

    [GeneratedRegex(@"Now listening on: (http://127\.0\.0\.1:\d+)")]
    private static partial Regex ListeningPattern();
}
