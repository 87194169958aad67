using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace RefineSharp.E2E.Tests.ScaleOut;

/// <summary>
/// One process of the scale-out topology (redis-server, a demo instance or the proxy): started with its own arguments
/// and environment, its output kept in memory, stopped by its process id (SIGKILL, as a crash would) and its output
/// saved as test-artifacts/e2e/&lt;name&gt;.log.
/// </summary>
internal sealed class TopologyProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly string _name;

    private TopologyProcess(Process process, string name)
    {
        _process = process;
        _name = name;
    }

    public int Id => _process.Id;

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

    public static TopologyProcess Start(string name, string fileName, IEnumerable<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {name} ({fileName}).");
        var started = new TopologyProcess(process, name);
        process.OutputDataReceived += (_, e) => started.Append(e.Data);
        process.ErrorDataReceived += (_, e) => started.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return started;
    }

    /// <summary>A port that was free on 127.0.0.1 a moment ago (the processes need fixed ports: the proxy names them, and a restarted instance keeps its own).</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Throws with the process's output when it has already exited (a start that failed).</summary>
    public void ThrowIfExited()
    {
        if (_process.HasExited)
        {
            // Until both redirected streams have ended, the last lines (often the reason) may still be on their way.
            _process.WaitForExit();
            throw new InvalidOperationException($"{_name} exited with code {_process.ExitCode}. Its output:\n{Output}");
        }
    }

    /// <summary>Kills the process (and its children) by id and waits until it is gone.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
        await File.WriteAllTextAsync(Path.Combine(Infrastructure.RepositoryPaths.Artifacts, _name + ".log"), Output);
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
}
