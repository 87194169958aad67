using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using RefineSharp.Tokens;

namespace RefineSharp;

/// <summary>
/// Hands 401 and 403 responses of a data call to <see cref="AuthManager.OnErrorAsync(OnErrorRequest?, CancellationToken)"/> (with the status code), so
/// an expired session logs the user out or redirects, as the provider decides. The caller still gets the response.
/// Concurrent 401s cause one logout (the AuthManager joins them). A 401 is not handed on when the
/// <see cref="Tokens.BearerTokenHandler"/> already renewed the session (a request that could not be retried) or sent
/// the request without our token (an origin that may not receive it): neither says the session is over.
/// </summary>
public sealed class AuthErrorHandler : DelegatingHandler
{
    /// <summary>Set by the <see cref="Tokens.BearerTokenHandler"/> when a 401 request could not be retried but the session was refreshed: the 401 does not end it.</summary>
    internal static readonly HttpRequestOptionsKey<bool> SessionRenewedKey = new("RefineSharp.SessionRenewed");

    /// <summary>Set by the <see cref="Tokens.BearerTokenHandler"/> on a request to an origin that may not receive the token: its 401 says nothing about our session.</summary>
    internal static readonly HttpRequestOptionsKey<bool> TokenWithheldKey = new("RefineSharp.TokenWithheld");

    private readonly AuthManager _authManager;
    private readonly ILogger _logger;

    /// <summary>Creates the handler for <paramref name="authManager"/>.</summary>
    public AuthErrorHandler(AuthManager authManager, ILogger<AuthErrorHandler>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(authManager);
        _authManager = authManager;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // The session the request was sent in: a 401 that arrives after a logout or login belongs to the old one.
        var session = _authManager.CurrentSession;
        var response = await base.SendAsync(request, cancellationToken);
        if (response.StatusCode == HttpStatusCode.Unauthorized && (IsSet(request, SessionRenewedKey) || IsSet(request, TokenWithheldKey)))
        {
            TokenLog.UnauthorizedNotAboutSession(_logger);
            return response;
        }

        if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            var status = (int)response.StatusCode;
            Log.HttpAuthError(_logger, status);
            try
            {
                // Not the caller's token: a logout, once started, should finish even if the data call is abandoned.
                await _authManager.OnErrorAsync(new OnErrorRequest { StatusCode = status }, session, CancellationToken.None);
            }
            catch (Exception ex)
            {
                Log.HttpAuthErrorHandlingFailed(_logger, status, ex);
            }
        }

        return response;
    }

    private static bool IsSet(HttpRequestMessage request, HttpRequestOptionsKey<bool> key) =>
        request.Options.TryGetValue(key, out var value) && value;
}
