using System.Net;

namespace RefineSharp.Tests.TestDoubles;

/// <summary>An inner HTTP handler that answers every request with a scripted response and counts requests.</summary>
public sealed class StubHttpMessageHandler : HttpMessageHandler
{
    private int _requests;

    public StubHttpMessageHandler(HttpStatusCode status)
        : this(_ => Task.FromResult(new HttpResponseMessage(status)))
    {
    }

    public StubHttpMessageHandler(Func<HttpRequestMessage, Task<HttpResponseMessage>> respond) => Respond = respond;

    public Func<HttpRequestMessage, Task<HttpResponseMessage>> Respond { get; set; }

    public int Requests => Volatile.Read(ref _requests);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _requests);
        return Respond(request);
    }
}
