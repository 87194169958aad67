using System.Net.Http.Headers;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Yarp.ReverseProxy.Forwarder;

namespace RefineSharp.AspNetCore.Proxy;

/// <summary>
/// Rewrites one forwarded request: the path after the proxy's prefix goes under the destination, the browser's
/// cookies, Authorization and CSRF header stay behind, and the session's access token goes along as a bearer token.
/// On the way back, Set-Cookie and any header carrying the token are dropped, so nothing of the backend's
/// credentials reaches the browser.
/// </summary>
internal sealed class ApiProxyTransformer(string accessToken, PathString remainingPath, string csrfHeader, ILogger logger) : HttpTransformer
{
    public override async ValueTask TransformRequestAsync(HttpContext httpContext, HttpRequestMessage proxyRequest, string destinationPrefix, CancellationToken cancellationToken)
    {
        await base.TransformRequestAsync(httpContext, proxyRequest, destinationPrefix, cancellationToken);
        proxyRequest.Headers.Remove("Cookie");
        proxyRequest.Headers.Remove("Authorization");
        proxyRequest.Headers.Remove(csrfHeader);
        proxyRequest.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        proxyRequest.RequestUri = RequestUtilities.MakeDestinationAddress(destinationPrefix, remainingPath, httpContext.Request.QueryString);
    }

    public override async ValueTask<bool> TransformResponseAsync(HttpContext httpContext, HttpResponseMessage? proxyResponse, CancellationToken cancellationToken)
    {
        var copyBody = await base.TransformResponseAsync(httpContext, proxyResponse, cancellationToken);
        var headers = httpContext.Response.Headers;
        headers.Remove("Set-Cookie");
        foreach (var name in headers.Keys.ToArray())
        {
            if (headers[name].Any(v => v?.Contains(accessToken, StringComparison.Ordinal) == true))
            {
                ProxyLog.TokenInResponse(logger, name);
                headers.Remove(name);
            }
        }

        // Answers that depend on who asks must not land in a shared cache.
        if (!headers.ContainsKey("Cache-Control"))
        {
            headers.CacheControl = "private, no-store";
        }

        return copyBody;
    }
}
