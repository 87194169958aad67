using System.Collections.Concurrent;
using System.Net;

namespace RefineSharp.Tests.Tokens;

/// <summary>The innermost handler of the bearer tests: records what it was sent and answers with a status chosen per request.</summary>
internal sealed class StubHttpHandler : HttpMessageHandler
{
    public ConcurrentQueue<(string? Authorization, string? Body, Uri? Uri)> Received { get; } = new();

    /// <summary>Chooses the status from the Authorization header value that was sent.</summary>
    public Func<string?, HttpStatusCode> Status { get; set; } = _ => HttpStatusCode.OK;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var authorization = request.Headers.Authorization?.ToString();
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        Received.Enqueue((authorization, body, request.RequestUri));
        return new HttpResponseMessage(Status(authorization)) { RequestMessage = request };
    }
}
