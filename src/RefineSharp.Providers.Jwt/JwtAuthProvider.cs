using System.Net;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;
using RefineSharp.Providers.Jwt.Http;
using RefineSharp.Providers.Jwt.Json;
using RefineSharp.Tokens;

namespace RefineSharp.Providers.Jwt;

/// <summary>
/// A ready <see cref="AuthProvider"/> for a JWT REST API described by <see cref="JwtAuthOptions"/>: login stores the
/// tokens in the registered <see cref="ITokenStore"/> (the server-side session with <c>AddServerSessions()</c>), the
/// check follows the access token's expiry and refreshes it single-flight, identity and roles come from the me
/// endpoint, a 401 ends the session and logout revokes the tokens at the API. An answer that does not match the
/// mapping is a failed sign-in (or no identity) with a log line naming the setting, never an exception.
/// Register it with <c>AddRefine().AddJwtAuth(o => o.BaseAddress = ...)</c>.
/// </summary>
public sealed class JwtAuthProvider : AuthProvider
{
    private readonly JwtApiClient _api;
    private readonly TokenRefreshCoordinator _tokens;
    private readonly IStringLocalizer<RefineTexts> _texts;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly JwtAuthOptions _options;

    // The user read with an access token, reused while that token is the stored one.
    private IdentitySnapshot? _identity;

    internal JwtAuthProvider(JwtApiClient api, TokenRefreshCoordinator tokens, IStringLocalizer<RefineTexts> texts, ILogger<JwtAuthProvider> logger, TimeProvider? timeProvider = null)
    {
        _api = api;
        _tokens = tokens;
        _texts = texts;
        _logger = logger;
        _time = timeProvider ?? TimeProvider.System;
        _options = api.Options;
    }

    /// <summary>Posts the credentials to <see cref="JwtAuthOptions.LoginEndpoint"/> and keeps the tokens it answers.</summary>
    public override async Task<AuthActionResult> LoginAsync(LoginRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrEmpty(request.Email) || string.IsNullOrEmpty(request.Password))
        {
            return AuthActionResult.Fail();
        }

        var answer = await _api.PostAsync(
            _options.LoginEndpoint,
            [(_options.LoginEmailField, request.Email), (_options.LoginPasswordField, request.Password)],
            bearer: null,
            cancellationToken);
        if (answer.IsRefusal)
        {
            JwtLog.LoginRefused(_logger, (int)answer.Status!.Value);
            return AuthActionResult.Fail();
        }

        if (!answer.IsSuccess)
        {
            if (!answer.Unreachable)
            {
                JwtLog.UnexpectedStatus(_logger, _options.LoginEndpoint, (int)answer.Status!.Value, nameof(JwtAuthOptions.LoginEndpoint));
            }

            return AuthActionResult.Fail(ServiceError());
        }

        string? problem = "the body is not JSON";
        var tokens = answer.Body is { } body ? TokenResponseReader.Read(body, _options, _time.GetUtcNow(), previousRefreshToken: null, out problem) : null;
        if (tokens is null)
        {
            JwtLog.ShapeMismatch(_logger, _options.LoginEndpoint, problem ?? "unknown");
            return AuthActionResult.Fail(ServiceError());
        }

        await _tokens.Store.SetAsync(tokens, cancellationToken);
        Volatile.Write(ref _identity, null);
        // refine passes login's variables verbatim: a RedirectPath from the caller is followed only when it is local.
        return AuthActionResult.Ok(LocalRedirect.IsLocal(request.RedirectPath) ? request.RedirectPath : _options.AfterLoginPath);
    }

    /// <summary>Tells <see cref="JwtAuthOptions.LogoutEndpoint"/> (when set) to revoke the tokens, clears them, and goes to the login page.</summary>
    public override async Task<AuthActionResult> LogoutAsync(LogoutRequest request, CancellationToken cancellationToken = default)
    {
        var tokens = await _tokens.Store.GetAsync(cancellationToken);
        if (tokens is not null && _options.LogoutEndpoint is { } endpoint)
        {
            // A courtesy to the API (revokes the refresh token): the local session ends whatever it answers.
            var notice = await _api.PostAsync(endpoint, [(_options.RefreshRequestField, tokens.RefreshToken)], tokens, cancellationToken);
            if (!notice.IsSuccess)
            {
                JwtLog.LogoutNoticeFailed(_logger, endpoint);
            }
        }

        await _tokens.Store.ClearAsync(CancellationToken.None);
        Volatile.Write(ref _identity, null);
        return AuthActionResult.Ok(_options.LoginPath);
    }

    /// <summary>Authenticated while an access token is stored that has not expired (or was just refreshed).</summary>
    public override async Task<CheckResult> CheckAsync(CheckRequest request, CancellationToken cancellationToken = default) =>
        await _tokens.GetValidTokenAsync(cancellationToken) is { } tokens && !Expired(tokens)
            ? CheckResult.Ok()
            : CheckResult.Fail(_options.LoginPath);

    /// <summary>A 401 ends the session (or, with none left, goes to the login page); anything else is ignored.</summary>
    public override async Task<OnErrorResult> OnErrorAsync(OnErrorRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.StatusCode != (int)HttpStatusCode.Unauthorized)
        {
            return OnErrorResult.Ignore();
        }

        // After a failed refresh the coordinator has logged out already: a second logout would be noise.
        return await _tokens.Store.GetAsync(cancellationToken) is null
            ? OnErrorResult.NavigateTo(_options.LoginPath)
            : OnErrorResult.LogoutTo(_options.LoginPath);
    }

    /// <summary>The user from <see cref="JwtAuthOptions.MeEndpoint"/> as a <see cref="UserIdentity"/>, or null.</summary>
    public override async Task<object?> GetIdentityAsync(IdentityRequest request, CancellationToken cancellationToken = default) =>
        await LoadUserAsync(cancellationToken);

    /// <summary>The user's roles (a read-only list of strings) from the me answer, or null when signed out.</summary>
    public override async Task<object?> GetPermissionsAsync(PermissionsRequest request, CancellationToken cancellationToken = default) =>
        (await LoadUserAsync(cancellationToken))?.Roles;

    private async Task<UserIdentity?> LoadUserAsync(CancellationToken cancellationToken)
    {
        var tokens = await _tokens.GetValidTokenAsync(cancellationToken);
        if (tokens is null)
        {
            return null;
        }

        if (Volatile.Read(ref _identity) is { } cached && string.Equals(cached.AccessToken, tokens.AccessToken, StringComparison.Ordinal))
        {
            return cached.User;
        }

        var answer = await _api.GetAsync(_options.MeEndpoint, tokens, cancellationToken);
        if (answer.IsUnauthorized && await _tokens.ForceRefreshAsync(tokens, cancellationToken) is { } renewed &&
            !string.Equals(renewed.AccessToken, tokens.AccessToken, StringComparison.Ordinal))
        {
            // The API refused a token that looked valid (revoked, or clocks apart): one refresh, one retry.
            tokens = renewed;
            answer = await _api.GetAsync(_options.MeEndpoint, tokens, cancellationToken);
        }

        if (!answer.IsSuccess)
        {
            if (!answer.Unreachable && !answer.IsUnauthorized)
            {
                JwtLog.UnexpectedStatus(_logger, _options.MeEndpoint, (int)answer.Status!.Value, nameof(JwtAuthOptions.MeEndpoint));
            }

            return null;
        }

        string? problem = "the body is not JSON";
        var user = answer.Body is { } body ? IdentityReader.Read(body, _options, out problem) : null;
        if (user is null)
        {
            JwtLog.ShapeMismatch(_logger, _options.MeEndpoint, problem ?? "unknown");
            return null;
        }

        Volatile.Write(ref _identity, new IdentitySnapshot(tokens.AccessToken, user));
        return user;
    }

    private bool Expired(TokenSet tokens) => tokens.ExpiresAt is { } expiresAt && expiresAt <= _time.GetUtcNow();

    private sealed record IdentitySnapshot(string AccessToken, UserIdentity User)
    {
        // Keeps the token out of any accidental log or debugger display.
        public override string ToString() => "IdentitySnapshot { AccessToken = *** }";
    }

    private AuthError ServiceError() => new(_texts["errors.unexpected.title"], _texts["errors.unexpected.description"]);
}
