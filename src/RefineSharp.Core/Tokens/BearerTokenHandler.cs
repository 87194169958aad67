using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace RefineSharp.Tokens;

/// <summary>
/// Attaches the access token from the <see cref="TokenRefreshCoordinator"/> to requests for allowed origins (the
/// client's BaseAddress and <see cref="BearerTokenHandlerOptions.AllowedOrigins"/>; every other request goes out without
/// it); on a 401 it refreshes once (single-flight across concurrent requests) and retries the request once. A request
/// whose body cannot be sent twice is not retried: the session is still refreshed, so the next call works, and the
/// caller gets the 401. Register it with <c>AddRefine().AddHttpHandler&lt;BearerTokenHandler&gt;()</c> so it sits
/// inside the <see cref="AuthErrorHandler"/>, which turns a final 401 into the provider's OnErrorAsync.
/// </summary>
public sealed class BearerTokenHandler : DelegatingHandler
{
    private readonly TokenRefreshCoordinator _coordinator;
    private readonly Uri[] _allowedOrigins;
    private readonly ILogger _logger;

    /// <summary>Creates the handler over <paramref name="coordinator"/>; it sends the token only to the origin of the client's BaseAddress (bound by <c>AddAuthenticatedHttpClient</c>).</summary>
    public BearerTokenHandler(TokenRefreshCoordinator coordinator, ILogger<BearerTokenHandler>? logger = null)
        : this(coordinator, Options.Create(new BearerTokenHandlerOptions()), logger)
    {
    }

    /// <summary>Creates the handler over <paramref name="coordinator"/>, sending the token only to the allowed origins of <paramref name="options"/> (and the client's BaseAddress, when bound).</summary>
    public BearerTokenHandler(TokenRefreshCoordinator coordinator, IOptions<BearerTokenHandlerOptions> options, ILogger<BearerTokenHandler>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(coordinator);
        ArgumentNullException.ThrowIfNull(options);
        var value = options.Value ?? new BearerTokenHandlerOptions();
        BearerTokenHandlerOptionsValidator.ThrowIfInvalid(value);
        _coordinator = coordinator;
        _allowedOrigins = [.. value.AllowedOrigins];
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <summary>
    /// Reads the BaseAddress of the HttpClient this handler serves (set by the client registry once the client is
    /// built); its origin may receive the token. HttpClient refuses BaseAddress changes after its first request.
    /// </summary>
    internal Func<Uri?>? BaseAddress { get; set; }

    /// <summary>True when <paramref name="uri"/> is an absolute http(s) origin: a host and nothing after it.</summary>
    internal static bool IsOrigin(Uri? uri) =>
        uri is { IsAbsoluteUri: true } &&
        (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) &&
        uri.Host.Length > 0 &&
        uri.UserInfo.Length == 0 &&
        uri.AbsolutePath == "/" &&
        uri.Query.Length == 0 &&
        uri.Fragment.Length == 0;

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!MayReceiveToken(request.RequestUri))
        {
            TokenLog.OriginNotAllowed(_logger, request.Method.Method);

            // Strip a header a caller may have set by hand, and tell the AuthErrorHandler this 401 is not about our session.
            request.Headers.Authorization = null;
            request.Options.Set(AuthErrorHandler.TokenWithheldKey, true);
            return await base.SendAsync(request, cancellationToken);
        }

        var tokens = await _coordinator.GetValidTokenAsync(cancellationToken);
        if (tokens is not null)
        {
            Attach(request, tokens);
        }

        var response = await base.SendAsync(request, cancellationToken);

        // Without a refresher a 401 cannot be repaired here: the AuthErrorHandler hands it to the provider's OnErrorAsync.
        if (response.StatusCode != HttpStatusCode.Unauthorized || tokens is null || !_coordinator.CanRefresh)
        {
            return response;
        }

        TokenSet? renewed;
        try
        {
            renewed = await _coordinator.ForceRefreshAsync(tokens, cancellationToken);
        }
        catch
        {
            response.Dispose();
            throw;
        }

        var sessionRenewed = renewed is not null && !string.Equals(renewed.AccessToken, tokens.AccessToken, StringComparison.Ordinal);
        if (!CanSendTwice(request.Content))
        {
            // Refreshed anyway: the token had expired, the session had not. The next call carries the new token, and the
            // AuthErrorHandler must not end a session that was just renewed.
            if (sessionRenewed)
            {
                request.Options.Set(AuthErrorHandler.SessionRenewedKey, true);
                TokenLog.RefreshedWithoutRetry(_logger, request.Method.Method);
            }
            else
            {
                TokenLog.NotRetryable(_logger, request.Method.Method);
            }

            return response;
        }

        if (!sessionRenewed)
        {
            return response;
        }

        TokenLog.RetryingAfterRefresh(_logger, request.Method.Method);
        response.Dispose();
        var retry = Clone(request);
        Attach(retry, renewed!);
        return await base.SendAsync(retry, cancellationToken);
    }

    private bool MayReceiveToken(Uri? target)
    {
        if (target is not { IsAbsoluteUri: true })
        {
            return false;
        }

        if (BaseAddress?.Invoke() is { IsAbsoluteUri: true } baseAddress && SameOrigin(target, baseAddress))
        {
            return true;
        }

        foreach (var origin in _allowedOrigins)
        {
            if (SameOrigin(target, origin))
            {
                return true;
            }
        }

        return false;
    }

    // Scheme, host and port, as the browser compares origins; http and https never match each other.
    private static bool SameOrigin(Uri a, Uri b) =>
        (a.Scheme == Uri.UriSchemeHttp || a.Scheme == Uri.UriSchemeHttps) &&
        string.Equals(a.Scheme, b.Scheme, StringComparison.OrdinalIgnoreCase) &&
        string.Equals(a.IdnHost, b.IdnHost, StringComparison.OrdinalIgnoreCase) &&
        a.Port == b.Port;

    private static void Attach(HttpRequestMessage request, TokenSet tokens) =>
        request.Headers.Authorization = new AuthenticationHeaderValue(string.IsNullOrEmpty(tokens.TokenType) ? "Bearer" : tokens.TokenType, tokens.AccessToken);

    // Buffered bodies serialize again on each send; a stream (or an unknown content type) may already be consumed.
    private static bool CanSendTwice(HttpContent? content) =>
        content is null or ByteArrayContent or JsonContent or ReadOnlyMemoryContent;

    // The retry reuses the body (the caller still owns and disposes it), so the clone is deliberately not disposed.
    private static HttpRequestMessage Clone(HttpRequestMessage request)
    {
        var clone = new HttpRequestMessage(request.Method, request.RequestUri)
        {
            Version = request.Version,
            VersionPolicy = request.VersionPolicy,
            Content = request.Content,
        };
        foreach (var (name, values) in request.Headers)
        {
            clone.Headers.TryAddWithoutValidation(name, values);
        }

        foreach (var (key, value) in request.Options)
        {
            ((IDictionary<string, object?>)clone.Options)[key] = value;
        }

        return clone;
    }
}
