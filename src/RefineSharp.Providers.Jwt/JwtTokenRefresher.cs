using Microsoft.Extensions.Logging;
using RefineSharp.Providers.Jwt.Http;
using RefineSharp.Providers.Jwt.Json;
using RefineSharp.Tokens;

namespace RefineSharp.Providers.Jwt;

/// <summary>
/// Renews the tokens through <see cref="JwtAuthOptions.RefreshEndpoint"/>; called only by the single-flight
/// <see cref="TokenRefreshCoordinator"/>, which writes the answer with compare-and-set, so a rotated refresh token is
/// used once even when many calls need a new access token at the same moment.
/// </summary>
internal sealed class JwtTokenRefresher : ITokenRefresher
{
    private readonly JwtApiClient _api;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public JwtTokenRefresher(JwtApiClient api, ILogger<JwtTokenRefresher> logger, TimeProvider? timeProvider = null)
    {
        _api = api;
        _logger = logger;
        _time = timeProvider ?? TimeProvider.System;
    }

    public async Task<TokenSet?> RefreshAsync(TokenSet current, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(current);
        var options = _api.Options;
        if (options.RefreshEndpoint is not { } endpoint || string.IsNullOrEmpty(current.RefreshToken))
        {
            return null;
        }

        var answer = await _api.PostAsync(endpoint, [(options.RefreshRequestField, current.RefreshToken)], bearer: null, cancellationToken);
        if (!answer.IsSuccess)
        {
            if (!answer.Unreachable && !answer.IsRefusal)
            {
                JwtLog.UnexpectedStatus(_logger, endpoint, (int)answer.Status!.Value, nameof(JwtAuthOptions.RefreshEndpoint));
            }

            return null;
        }

        if (answer.Body is not { } body)
        {
            JwtLog.ShapeMismatch(_logger, endpoint, "the body is not JSON");
            return null;
        }

        var tokens = TokenResponseReader.Read(body, options, _time.GetUtcNow(), current.RefreshToken, out var problem);
        if (tokens is null)
        {
            JwtLog.ShapeMismatch(_logger, endpoint, problem!);
        }

        return tokens;
    }
}
