using Microsoft.Extensions.Logging;
using Yarp.ReverseProxy.Forwarder;

namespace RefineSharp.AspNetCore.Proxy;

/// <summary>Log messages of the API proxy (ids 3201-3299). None carries a token, cookie or session key.</summary>
internal static partial class ProxyLog
{
    [LoggerMessage(3201, LogLevel.Warning, "The API proxy could not forward {Method} {Path}: {Error}; answered {Status}.", EventName = "ApiProxyFailed")]
    public static partial void ForwardFailed(ILogger logger, string method, string path, ForwarderError error, int status);

    [LoggerMessage(3202, LogLevel.Information, "The API proxy refused a request without this site's custom header or from another site ({Path}).", EventName = "ApiProxyCrossSite")]
    public static partial void CrossSite(ILogger logger, string path);

    [LoggerMessage(3203, LogLevel.Warning, "The backend sent a response header carrying the session's access token ({Header}); it was removed.", EventName = "ApiProxyTokenInResponse")]
    public static partial void TokenInResponse(ILogger logger, string header);
}
