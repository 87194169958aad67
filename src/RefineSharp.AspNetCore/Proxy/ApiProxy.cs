using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RefineSharp.AspNetCore.Endpoints;
using RefineSharp.Tokens;
using Yarp.ReverseProxy.Forwarder;

namespace RefineSharp.AspNetCore.Proxy;

/// <summary>
/// One mapped API proxy: checks the CSRF rule, takes the session's access token on the server (refreshed
/// single-flight per session when it is about to expire), and forwards the request with YARP's forwarder. No session
/// answers 401 without contacting the backend; a backend that cannot be reached answers a generic 502 (504 when it
/// stays silent), with details in the log only.
/// </summary>
internal sealed class ApiProxy
{
    private readonly PathString _prefix;
    private readonly RefineApiProxyOptions _options;
    private readonly IHttpForwarder _forwarder;
    private readonly HttpMessageInvoker _invoker;
    private readonly ForwarderRequestConfig _requestConfig;
    private readonly ILogger _logger;
    private string? _destination;

    public ApiProxy(PathString prefix, RefineApiProxyOptions options, IServiceProvider services)
    {
        _prefix = prefix;
        _options = options;
        _forwarder = services.GetRequiredService<IHttpForwarder>();
        _invoker = services.GetRequiredService<ApiProxyInvoker>().Invoker;
        _requestConfig = new ForwarderRequestConfig { ActivityTimeout = options.ActivityTimeout };
        _logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("RefineSharp.AspNetCore.ApiProxy");
    }

    public async Task InvokeAsync(HttpContext http)
    {
        var path = http.Request.Path.Value ?? string.Empty;
        if (!SameSiteScriptRequest.IsAllowed(http.Request, Microsoft.AspNetCore.Builder.SessionEndpointRouteBuilderExtensions.CsrfHeader))
        {
            ProxyLog.CrossSite(_logger, path);
            await ProblemAsync(http, StatusCodes.Status403Forbidden, "Cross-site request refused", "The API proxy answers only this site's own scripts.");
            return;
        }

        var tokens = await GetTokensAsync(http);
        if (tokens is null || string.IsNullOrEmpty(tokens.AccessToken))
        {
            await ProblemAsync(http, StatusCodes.Status401Unauthorized, "Not signed in", "Sign in to call this API.");
            return;
        }

        http.Request.Path.StartsWithSegments(_prefix, out var remaining);
        var transformer = new ApiProxyTransformer(tokens.AccessToken, remaining, Microsoft.AspNetCore.Builder.SessionEndpointRouteBuilderExtensions.CsrfHeader, _logger);
        var error = await _forwarder.SendAsync(http, Destination(http.RequestServices), _invoker, _requestConfig, transformer);
        if (error == ForwarderError.None || http.RequestAborted.IsCancellationRequested)
        {
            return;
        }

        var status = error == ForwarderError.RequestTimedOut ? StatusCodes.Status504GatewayTimeout : StatusCodes.Status502BadGateway;
        ProxyLog.ForwardFailed(_logger, http.Request.Method, path, error, status);
        if (!http.Response.HasStarted)
        {
            // YARP leaves the status only; the body says what the user can do and nothing about the backend.
            http.Response.Headers.Remove("Set-Cookie");
            await ProblemAsync(http, status, "API unavailable", "The service could not answer. Please try again.");
        }
    }

    private static async Task<TokenSet?> GetTokensAsync(HttpContext http)
    {
        var services = http.RequestServices;
        var store = services.GetRequiredService<ITokenStore>();
        if (services.GetService<ITokenRefresher>() is not { } refresher)
        {
            return await store.GetAsync(http.RequestAborted);
        }

        // A coordinator of this request's own, not the scope's: that one would end a failed session through the
        // AuthManager, which navigates, and an API call has no page to navigate. A failed refresh still clears the
        // session here (the client's engine then sees the 401). The session's refresh lock makes the refresh one per
        // session in this process, however many API calls arrive at once: the others read the renewed tokens.
        var coordinator = new TokenRefreshCoordinator(
            store,
            refresher,
            services.GetService<IOptions<TokenRefreshOptions>>(),
            services.GetService<TimeProvider>(),
            services.GetService<ILogger<TokenRefreshCoordinator>>(),
            services.GetService<ICrossContextLock>());
        return await coordinator.GetValidTokenAsync(http.RequestAborted);
    }

    private string Destination(IServiceProvider services)
    {
        if (_destination is { } known)
        {
            return known;
        }

        var uri = _options.Destination ?? _options.DestinationResolver!(services);
        if (!uri.IsAbsoluteUri || uri.Scheme is not ("http" or "https"))
        {
            throw new InvalidOperationException("The API proxy's destination must be an absolute http or https address.");
        }

        return _destination = uri.GetLeftPart(UriPartial.Path).TrimEnd('/');
    }

    private static Task ProblemAsync(HttpContext http, int status, string title, string detail)
    {
        http.Response.Clear();
        http.Response.Headers.CacheControl = "no-store";
        return Results.Problem(title: title, detail: detail, statusCode: status).ExecuteAsync(http);
    }
}
