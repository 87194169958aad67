using System.Net.Sockets;
using System.Text;

namespace RefineSharp.AspNetCore.Tests.Proxy;

/// <summary>Sends a request line exactly as given (HttpClient would normalise "..", "%2e" and backslashes away).</summary>
internal static class RawHttp
{
    public static async Task<int> SendAsync(Uri baseAddress, string method, string rawTarget, IReadOnlyDictionary<string, string> headers)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(baseAddress.Host, baseAddress.Port);
        await using var stream = client.GetStream();
        var request = new StringBuilder($"{method} {rawTarget} HTTP/1.1\r\nHost: {baseAddress.Authority}\r\nConnection: close\r\nContent-Length: 0\r\n");
        foreach (var (name, value) in headers)
        {
            request.Append(name).Append(": ").Append(value).Append("\r\n");
        }

        await stream.WriteAsync(Encoding.ASCII.GetBytes(request.Append("\r\n").ToString()));
        using var reader = new StreamReader(stream, Encoding.ASCII);
        var statusLine = await reader.ReadLineAsync() ?? string.Empty;
        var parts = statusLine.Split(' ');
        return parts.Length > 1 && int.TryParse(parts[1], out var status) ? status : 0;
    }
}
