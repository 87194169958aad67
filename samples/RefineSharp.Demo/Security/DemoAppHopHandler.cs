namespace RefineSharp.Demo.Security;

/// <summary>Adds the <see cref="DemoAppHop"/> secret to the circuits' calls of the app's own Identity API.</summary>
public sealed class DemoAppHopHandler(DemoAppHop hop) : DelegatingHandler
{
    /// <summary>Sends the request with the hop header (only to a loopback address).</summary>
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Remove(DemoAppHop.HeaderName);
        if (request.RequestUri is { IsAbsoluteUri: true, IsLoopback: true })
        {
            // Never to another host, should Demo:ApiBaseAddress point elsewhere.
            request.Headers.TryAddWithoutValidation(DemoAppHop.HeaderName, hop.Value);
        }

        return base.SendAsync(request, cancellationToken);
    }
}
