using Microsoft.Playwright;

namespace RefineSharp.E2E.Tests.ScaleOut;

/// <summary>The Blazor connections (`/_blazor?id=…`, WebSocket or long polling) a page has opened, newest last.</summary>
internal sealed class CircuitConnections
{
    private readonly List<string> _urls = [];

    public CircuitConnections(IPage page)
    {
        page.WebSocket += (_, socket) => Add(socket.Url);
        page.Request += (_, request) => Add(request.Url);
    }

    public int Count
    {
        get
        {
            lock (_urls)
            {
                return _urls.Count;
            }
        }
    }

    /// <summary>The connection URL number <paramref name="index"/> (0 is the first).</summary>
    public string this[int index]
    {
        get
        {
            lock (_urls)
            {
                return _urls[index];
            }
        }
    }

    private void Add(string url)
    {
        if (!url.Contains("/_blazor?id=", StringComparison.Ordinal))
        {
            return;
        }

        lock (_urls)
        {
            if (!_urls.Contains(url))
            {
                _urls.Add(url);
            }
        }
    }
}
