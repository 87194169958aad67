using System.Net;
using System.Net.Sockets;

namespace RefineSharp.Packaging.Tests.Infrastructure;

/// <summary>
/// A free loopback port in this suite's own range (5800-5899), so it never meets other suites' servers. A machine that
/// runs several suites side by side moves the range with REFINESHARP_PACKAGING_PORT_BASE (its first port).
/// </summary>
internal static class FreePort
{
    private static readonly int Base = int.TryParse(Environment.GetEnvironmentVariable("REFINESHARP_PACKAGING_PORT_BASE"), out var first) && first is > 1024 and < 65000 ? first : 5800;
    private static int _next = Random.Shared.Next(0, 100);

    public static int Next()
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var port = Base + (Interlocked.Increment(ref _next) % 100);
            try
            {
                using var listener = new TcpListener(IPAddress.Loopback, port);
                listener.Start();
                return port;
            }
            catch (SocketException)
            {
                // Taken: try the next one.
            }
        }

        throw new InvalidOperationException($"No free port in {Base}-{Base + 99}.");
    }
}
