using System.Diagnostics;
using System.Net;

namespace RefineSharp.AspNetCore.Proxy;

/// <summary>
/// The one outgoing HTTP client of the API proxy (a singleton, so connections to the backend are pooled). It follows
/// no redirects, keeps no cookies of its own and uses no system proxy: it forwards exactly what the transformer built.
/// </summary>
internal sealed class ApiProxyInvoker : IDisposable
{
    public ApiProxyInvoker() => Invoker = new HttpMessageInvoker(new SocketsHttpHandler
    {
        UseProxy = false,
        AllowAutoRedirect = false,
        AutomaticDecompression = DecompressionMethods.None,
        UseCookies = false,
        EnableMultipleHttp2Connections = true,
        ActivityHeadersPropagator = new Yarp.ReverseProxy.Forwarder.ReverseProxyPropagator(DistributedContextPropagator.Current),
        ConnectTimeout = TimeSpan.FromSeconds(15),
    });

    public HttpMessageInvoker Invoker { get; }

    public void Dispose() => Invoker.Dispose();
}
