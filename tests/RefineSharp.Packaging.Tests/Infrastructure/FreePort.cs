using System.Net;
using System.Net.Sockets;

namespace RefineSharp.Packaging.Tests.Infrastructure;

/// <summary>A free loopback port in this suite's own range (5800-5899), so it never meets other suites' servers.</summary>
internal static class FreePort
{
    private static int _next = 5800 + Random.Shared.Next(0, 100);

    public static int Next()
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var port = 5800 + (Interlocked.Increment(ref _next) % 100);
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

        throw new InvalidOperationException("No free port in 5800-5899.");
    }
}
