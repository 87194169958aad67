using System.Diagnostics;
using System.Text;

namespace RefineSharp.Packaging.Tests.Infrastructure;

/// <summary>
/// A built app started the way `dotnet run` does (Development, its project folder as content root) on a port of this
/// suite's range. Its output is kept, and saved as test-artifacts/packaging/&lt;name&gt;.log when it stops.
/// </summary>
internal sealed class AppProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly string _name;

    private AppProcess(Process process, string name, string baseUrl)
    {
        _process = process;
        _name = name;
        BaseUrl = baseUrl;
    }

    public string BaseUrl { get; }

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

    public static Task<AppProcess> StartAsync(string projectDirectory, string assemblyName, string name) =>
        StartAsync(projectDirectory, assemblyName, name, $"http://127.0.0.1:{FreePort.Next()}", new Dictionary<string, string>());

    /// <summary>Starts the app on <paramref name="baseUrl"/> with extra environment variables (its settings, as <c>Section__Key</c>).</summary>
    public static async Task<AppProcess> StartAsync(string projectDirectory, string assemblyName, string name, string baseUrl, IReadOnlyDictionary<string, string> environment)
    {
        var dll = Path.Combine(projectDirectory, "bin", "Release", "net10.0", assemblyName + ".dll");
        if (!File.Exists(dll))
        {
            throw new InvalidOperationException($"{dll} is missing: the app was not built.");
        }

        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = projectDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { dll, "--urls", baseUrl, "--contentRoot", projectDirectory })
        {
            start.ArgumentList.Add(arg);
        }

        DotNet.Quiet(start.Environment);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["Logging__LogLevel__Microsoft.AspNetCore"] = "Warning";
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {dll}.");
        var app = new AppProcess(process, name, baseUrl);
        var listening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, e) => app.OnLine(e.Data, listening);
        process.ErrorDataReceived += (_, e) => app.OnLine(e.Data, listening);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _ = process.WaitForExitAsync().ContinueWith(
            _ => listening.TrySetException(new InvalidOperationException($"{name} exited before listening:\n" + app.Output)), TaskScheduler.Default);

        try
        {
            // An upper bound for a cold start on a busy 2-core machine, not a timing assertion.
            await listening.Task.WaitAsync(TimeSpan.FromSeconds(90));
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        return app;
    }

    private void OnLine(string? line, TaskCompletionSource listening)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }

        if (line.Contains("Now listening on: " + BaseUrl, StringComparison.Ordinal))
        {
            listening.TrySetResult();
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
    }
}
