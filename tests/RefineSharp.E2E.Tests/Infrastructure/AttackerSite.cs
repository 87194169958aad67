using System.Net;
using System.Net.Sockets;
using System.Text;

namespace RefineSharp.E2E.Tests.Infrastructure;

/// <summary>
/// A real page of another site for framing tests, on loopback: <c>http://localhost:{port}</c> is a different site from
/// the apps' <c>http://127.0.0.1:{port}</c>, and both are loopback, so Chromium's private-network rules do not refuse
/// the frame for a reason of their own (a routed, fake host would be refused whatever the app sends).
/// <c>/frame?src=…</c> answers a page with one iframe; <c>/frameable</c> answers a page with an email input and no
/// framing rule, the control that shows a cross-site frame does render here.
/// </summary>
internal sealed class AttackerSite : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _loop;

    private AttackerSite(int port)
    {
        Port = port;
        _listener.Prefixes.Add($"http://localhost:{port}/");
        _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public int Port { get; }

    /// <summary>The attacker's page (site <c>localhost</c>) framing <paramref name="src"/>.</summary>
    public string FramePage(string src) => $"http://localhost:{Port}/frame?src={Uri.EscapeDataString(src)}";

    /// <summary>A page with <c>#email</c> and no framing rule, on the site <c>127.0.0.1</c>.</summary>
    public string FrameablePage => $"http://127.0.0.1:{Port}/frameable";

    public static AttackerSite Start()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return new AttackerSite(port);
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            var html = context.Request.Url?.AbsolutePath == "/frameable"
                ? "<form><input id=\"email\" type=\"email\"></form>"
                : $"<iframe src=\"{WebUtility.HtmlEncode(context.Request.QueryString["src"] ?? "about:blank")}\"></iframe>";
            var body = Encoding.UTF8.GetBytes(html);
            context.Response.ContentType = "text/html; charset=utf-8";
            context.Response.ContentLength64 = body.Length;
            await context.Response.OutputStream.WriteAsync(body);
            context.Response.Close();
        }
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        await _loop;
    }
}
