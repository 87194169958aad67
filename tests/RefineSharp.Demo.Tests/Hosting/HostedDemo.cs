using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RefineSharp.Demo.Hosting;

namespace RefineSharp.Demo.Tests.Hosting;

/// <summary>
/// One start of the demo for the host-hardening tests: Kestrel on 127.0.0.1 (or the in-memory test server, to send
/// HTTPS requests), an environment, settings, and the seeder's console and every log message captured. Unlike
/// <see cref="DemoAppFactory"/>, nothing is opted in: no known passwords unless a test says so. The database and the
/// key folder are the caller's (so a second start can reuse them).
/// </summary>
internal sealed class HostedDemo : WebApplicationFactory<Program>
{
    private readonly string _environment;
    private readonly IReadOnlyDictionary<string, string> _settings;
    private readonly bool _kestrel;

    public HostedDemo(string environment, IReadOnlyDictionary<string, string> settings, bool kestrel = true)
    {
        _environment = environment;
        _settings = settings;
        _kestrel = kestrel;
        if (kestrel)
        {
            UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        }
    }

    /// <summary>What the seeder wrote (the generated passwords, once).</summary>
    public StringWriter SeedOutput { get; } = new();

    /// <summary>Every log message of this start, formatted.</summary>
    public ConcurrentQueue<string> Logs { get; } = new();

    public Uri Address { get; private set; } = null!;

    /// <summary>Starts the app (seeding included) and returns a client for its real address.</summary>
    public HttpClient Start()
    {
        if (!_kestrel)
        {
            throw new InvalidOperationException("Use CreateClient for the in-memory server.");
        }

        StartServer();
        Address = new Uri(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());
        return new HttpClient { BaseAddress = Address };
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(_environment);
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging => logging.AddProvider(new CapturingLoggerProvider(Logs)));
        builder.ConfigureTestServices(services => services.Configure<DemoSeedingOptions>(o => o.Output = SeedOutput));
    }

    /// <summary>A temp path for a database or a key folder, and its removal.</summary>
    public static string TempPath(string name) => Path.Combine(Path.GetTempPath(), $"refinesharp-hardening-{name}-{Guid.NewGuid():N}");

    public static void Delete(params string[] paths)
    {
        foreach (var path in paths)
        {
            // This database's pool only: ClearAllPools also closes the pooled connections of classes running in parallel
            // (seen: another class's request failing with ObjectDisposedException on its SQLite handle).
            using (var connection = new SqliteConnection($"Data Source={path}"))
            {
                SqliteConnection.ClearPool(connection);
            }

            if (Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
            }
            else if (File.Exists(path))
            {
                File.Delete(path);
            }
        }
    }

    private sealed class CapturingLoggerProvider(ConcurrentQueue<string> sink) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new CapturingLogger(sink, categoryName);

        public void Dispose()
        {
        }
    }

    private sealed class CapturingLogger(ConcurrentQueue<string> sink, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            sink.Enqueue($"{logLevel} {category}: {formatter(state, exception)} {exception}");
    }
}
