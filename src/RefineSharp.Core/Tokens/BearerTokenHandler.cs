using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace RefineSharp.Tokens;

/// <summary>
/// Attaches the access token from the <see cref="TokenRefreshCoordinator"/> to every request; on a 401 it refreshes
/// once (single-flight across concurrent requests) and retries the request once. A request whose body cannot be sent
/// twice is not retried. Register it with <c>AddRefine().AddHttpHandler&lt;BearerTokenHandler&gt;()</c> so it sits inside
/// the <see cref="AuthErrorHandler"/>, which turns a final 401 into the provider's OnErrorAsync.
/// </summary>
public sealed class BearerTokenHandler : DelegatingHandler
{
    private readonly TokenRefreshCoordinator _coordinator;
    private readonly ILogger _logger;

    /// <summary>Creates the handler over <paramref name="coordinator"/>.</summary>
    public BearerTokenHandler(TokenRefreshCoordinator coordinator, ILogger<BearerTokenHandler>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(coordinator);
        _coordinator = coordinator;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var tokens = await _coordinator.GetValidTokenAsync(cancellationToken);
        if (tokens is not null)
        {
            Attach(request, tokens);
        }

        var response = await base.SendAsync(request, cancellationToken);
        if (response.StatusCode != HttpStatusCode.Unauthorized || tokens is null)
        {
            return response;
        }

        if (!CanSendTwice(request.Content))
        {
            TokenLog.NotRetryable(_logger, request.Method.Method);
            return response;
        }

        var renewed = await _coordinator.ForceRefreshAsync(tokens, cancellationToken);
        if (renewed is null || string.Equals(renewed.AccessToken, tokens.AccessToken, StringComparison.Ordinal))
        {
            return response;
        }

        TokenLog.RetryingAfterRefresh(_logger, request.Method.Method);
        response.Dispose();
        var retry = Clone(request);
        Attach(retry, renewed);
        return await base.SendAsync(retry, cancellationToken);
    }

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
