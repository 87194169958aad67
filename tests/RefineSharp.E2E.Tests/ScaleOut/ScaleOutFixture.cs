using System.Diagnostics;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using Microsoft.Playwright;
using RefineSharp.E2E.Tests.Infrastructure;

namespace RefineSharp.E2E.Tests.ScaleOut;

/// <summary>
/// The topology of tools/run-scaleout.sh and docs/deployment.md, on free loopback ports: a real redis-server (no
/// persistence), two demo instances that keep sessions and data-protection keys in it and share one temporary SQLite
/// file, and the YARP proxy (samples/RefineSharp.Proxy) in front of them with cookie affinity. Every process is
/// stopped by its id at the end. Instances can be killed and started again on the same port.
/// </summary>
public sealed class ScaleOutFixture : IAsyncLifetime
{
    private const string RedisBinary = "/usr/bin/redis-server";

    // Upper bounds for a cold start on a busy 2-core machine, not timings.
    private static readonly TimeSpan StartBound = TimeSpan.FromSeconds(180);

    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("refinesharp-scaleout-").FullName;
    private readonly int _redisPort = TopologyProcess.FreePort();
    private readonly int[] _instancePorts = [TopologyProcess.FreePort(), TopologyProcess.FreePort()];
    private readonly int _proxyPort = TopologyProcess.FreePort();
    private readonly TopologyProcess?[] _instances = new TopologyProcess?[2];
    private readonly List<TopologyProcess> _stopped = [];
    private readonly int[] _generation = new int[2];
    private TopologyProcess? _redis;
    private TopologyProcess? _proxy;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    /// <summary>The proxy's address: what a user opens.</summary>
    public string ProxyUrl => $"http://127.0.0.1:{_proxyPort}";

    internal IBrowser Browser => _browser ?? throw new InvalidOperationException("The fixture has not started.");

    /// <summary>The address of instance 0 or 1, bypassing the proxy.</summary>
    public string InstanceUrl(int instance) => $"http://127.0.0.1:{_instancePorts[instance]}";

    public async Task InitializeAsync()
    {
        Assertions.SetDefaultExpectTimeout(30_000);
        var browserStart = Infrastructure.Browser.LaunchAsync();
        await StartRedisAsync();

        // The first instance creates and seeds the empty SQLite file; the second starts once it is there (two
        // EnsureCreated calls on one empty file would race). The proxy can start meanwhile.
        await StartInstanceAsync(0);
        _proxy = TopologyProcess.Start(
            "scaleout-proxy",
            "dotnet",
            [ProjectAssembly("RefineSharp.Proxy"), "--urls", ProxyUrl, "--contentRoot", ProjectDirectory("RefineSharp.Proxy")],
            ProjectDirectory("RefineSharp.Proxy"),
            new Dictionary<string, string>
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Development",
                ["DOTNET_NOLOGO"] = "1",
                ["Proxy__Destinations__0"] = InstanceUrl(0),
                ["Proxy__Destinations__1"] = InstanceUrl(1),
            });
        await StartInstanceAsync(1);
        await WaitHealthyAsync("the proxy", ProxyUrl, _proxy);

        (_playwright, _browser) = await browserStart;

        // The first circuit of a fresh instance is the slowest (JIT of the interactive pipeline): one per instance, directly.
        for (var i = 0; i < 2; i++)
        {
            await using var warmUp = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = InstanceUrl(i) });
            var page = await warmUp.NewPageAsync();
            await page.GotoAsync("/not-found", new PageGotoOptions { Timeout = 120_000 });
            await page.Locator("[data-refine-interactive]").First.WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = 120_000 });
        }
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
        foreach (var process in _instances.Concat([_proxy, _redis]).Concat(_stopped))
        {
            if (process is not null)
            {
                await process.DisposeAsync();
            }
        }

        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open is left to the OS temp cleanup.
        }
    }

    /// <summary>A fresh browser context (no cookies) whose relative URLs go to the proxy.</summary>
    internal async Task<IBrowserContext> NewContextAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = ProxyUrl,
            ViewportSize = new ViewportSize { Width = 1100, Height = 760 },
        });
        context.SetDefaultTimeout(30_000);
        return context;
    }

    /// <summary>Starts whichever instance is not running (a test before may have killed one) and waits until it and the proxy answer.</summary>
    public async Task EnsureAllRunningAsync()
    {
        var starts = new List<Task>();
        for (var i = 0; i < 2; i++)
        {
            if (_instances[i] is null || _instances[i]!.HasExited)
            {
                starts.Add(StartInstanceAsync(i));
            }
        }

        await Task.WhenAll(starts);
        await WaitHealthyAsync("the proxy", ProxyUrl, _proxy!);
    }

    /// <summary>Kills instance 0 or 1 by its process id, as a crash would (no graceful shutdown, circuits lost).</summary>
    public async Task KillInstanceAsync(int instance)
    {
        var process = _instances[instance] ?? throw new InvalidOperationException($"Instance {instance} is not running.");
        await process.KillAsync();
        _instances[instance] = null;
        _stopped.Add(process);
    }

    /// <summary>
    /// The instance (0 or 1) that accepted the Blazor connection <paramref name="connectionUrl"/> (the `_blazor?id=…`
    /// URL the browser opened through the proxy): the instance whose request log names that connection id.
    /// </summary>
    public async Task<int> InstanceHoldingAsync(string connectionUrl)
    {
        var query = new Uri(connectionUrl).Query;
        var id = query.TrimStart('?').Split('&').Select(p => p.Split('=', 2)).First(p => p[0] == "id")[1];
        var needle = "/_blazor?id=" + id;
        var clock = Stopwatch.StartNew();

        // A log line reaches the pipe a moment after the request; 30 s is an upper bound for one already on its way.
        while (clock.Elapsed < TimeSpan.FromSeconds(30))
        {
            var holders = Enumerable.Range(0, 2).Where(i => _instances[i]?.Output.Contains(needle, StringComparison.Ordinal) == true).ToArray();
            if (holders.Length == 1)
            {
                return holders[0];
            }

            if (holders.Length > 1)
            {
                throw new InvalidOperationException($"Both instances logged {needle}.");
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"No running instance logged {needle}.");
    }

    /// <summary>Registers a new account (POST /identity/register through the proxy) so tests never share one.</summary>
    public async Task<string> RegisterAsync(string prefix)
    {
        var email = TestUsers.UniqueEmail(prefix);
        using var http = new HttpClient { BaseAddress = new Uri(ProxyUrl + "/"), Timeout = TimeSpan.FromSeconds(60) };
        using var response = await http.PostAsJsonAsync("identity/register", new { email, password = TestUsers.Password });
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"register answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }

        return email;
    }

    private async Task StartRedisAsync()
    {
        if (!File.Exists(RedisBinary))
        {
            throw new InvalidOperationException($"{RedisBinary} is missing: run ./test.sh (it installs Debian's redis-server) or apt-get install redis-server.");
        }

        var port = _redisPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        _redis = TopologyProcess.Start(
            "scaleout-redis",
            RedisBinary,
            ["--port", port, "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--protected-mode", "yes"],
            _dataDirectory,
            new Dictionary<string, string>());
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(30))
        {
            _redis.ThrowIfExited();
            if (await PingRedisAsync())
            {
                return;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("redis-server did not answer PING within 30 s:\n" + _redis.Output);
    }

    private async Task<bool> PingRedisAsync()
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(System.Net.IPAddress.Loopback, _redisPort);
            var stream = client.GetStream();
            await stream.WriteAsync("PING\r\n"u8.ToArray());
            var buffer = new byte[16];
            var read = await stream.ReadAsync(buffer).AsTask().WaitAsync(TimeSpan.FromSeconds(2));
            return Encoding.ASCII.GetString(buffer, 0, read).StartsWith("+PONG", StringComparison.Ordinal);
        }
        catch (Exception e) when (e is SocketException or IOException or TimeoutException)
        {
            return false;
        }
    }

    private async Task StartInstanceAsync(int instance)
    {
        var generation = ++_generation[instance];
        var process = TopologyProcess.Start(
            $"scaleout-instance-{instance + 1}-run-{generation}",
            "dotnet",
            [ProjectAssembly("RefineSharp.Demo"), "--urls", InstanceUrl(instance), "--contentRoot", ProjectDirectory("RefineSharp.Demo")],
            ProjectDirectory("RefineSharp.Demo"),
            new Dictionary<string, string>
            {
                // Like the other browser tests' servers (Infrastructure/DemoServer.cs, SampleProject.cs) ...
                ["ASPNETCORE_ENVIRONMENT"] = "Development",
                ["DOTNET_NOLOGO"] = "1",
                ["Logging__LogLevel__Microsoft.AspNetCore"] = "Warning",
                ["Demo__EnableOutbox"] = "true",
                ["Demo__SeedPasswords"] = "known",
                // ... plus the scale-out: one SQLite file and one Redis for both instances.
                ["Demo__Database"] = Path.Combine(_dataDirectory, "demo.db"),
                ["Demo__Redis"] = $"127.0.0.1:{_redisPort}",
                // Every request's first line ("Request starting HTTP/1.1 GET http://…/_blazor?id=…"): tells which instance holds a circuit.
                ["Logging__LogLevel__Microsoft.AspNetCore.Hosting.Diagnostics"] = "Information",
            });
        _instances[instance] = process;
        await WaitHealthyAsync($"instance {instance + 1}", InstanceUrl(instance), process);

        // Render the sign-in page once, so the first test does not pay for the JIT of Razor on a busy machine.
        using var http = new HttpClient { BaseAddress = new Uri(InstanceUrl(instance) + "/"), Timeout = TimeSpan.FromSeconds(120) };
        using var page = await http.GetAsync(new Uri("login", UriKind.Relative));
        page.EnsureSuccessStatusCode();
    }

    private static async Task WaitHealthyAsync(string what, string baseUrl, TopologyProcess process)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < StartBound)
        {
            process.ThrowIfExited();
            try
            {
                using var response = await http.GetAsync(new Uri(baseUrl + "/healthz"));
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"{what} did not answer /healthz within {StartBound.TotalSeconds} s. Its output:\n{process.Output}");
    }

    private static string ProjectDirectory(string project) => Path.Combine(RepositoryPaths.Root, "samples", project);

    private static string ProjectAssembly(string project)
    {
        var dll = Path.Combine(ProjectDirectory(project), "bin", RepositoryPaths.Configuration, "net10.0", project + ".dll");
        return File.Exists(dll) ? dll : throw new InvalidOperationException($"{project} is not built: {dll} is missing (the test project references it, so building the tests builds it).");
    }
}
