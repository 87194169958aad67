using System.Net;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using RefineSharp.Providers.AspNetIdentity.Http;
using RefineSharp.Tokens;

namespace RefineSharp.Providers.AspNetIdentity;

/// <summary>
/// A ready <see cref="AuthProvider"/> for ASP.NET Core Identity's API endpoints (<c>MapIdentityApi&lt;TUser&gt;()</c>):
/// bearer tokens kept in the registered <see cref="ITokenStore"/> and refreshed single-flight, two-factor login,
/// registration, password reset and change, identity from /manage/info and roles from a small roles endpoint.
/// Register it with <c>services.AddRefine().AddAspNetIdentityAuth(o => o.BaseAddress = ...)</c>.
/// </summary>
public sealed partial class AspNetIdentityAuthProvider : AuthProvider
{
    private readonly IdentityApiClient _api;
    private readonly TokenRefreshCoordinator _tokens;
    private readonly IStringLocalizer _texts;
    private readonly INotificationService _notifications;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly AspNetIdentityAuthOptions _options;

    internal AspNetIdentityAuthProvider(
        IdentityApiClient api,
        TokenRefreshCoordinator tokens,
        IStringLocalizer<AspNetIdentityTexts> texts,
        INotificationService notifications,
        TimeProvider? timeProvider = null,
        ILogger<AspNetIdentityAuthProvider>? logger = null)
    {
        _api = api;
        _tokens = tokens;
        _texts = texts;
        _notifications = notifications;
        _time = timeProvider ?? TimeProvider.System;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _options = api.Options;
    }

    /// <summary>Signs in with email and password (and a two-factor code from Extra when the account needs one), keeping the bearer tokens.</summary>
    public override async Task<AuthActionResult> LoginAsync(LoginRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrEmpty(request.Email) || string.IsNullOrEmpty(request.Password))
        {
            return AuthActionResult.Fail(Error(TextKeys.LoginFailedTitle, TextKeys.LoginFailed));
        }

        var twoFactorCode = request.GetExtraString(AspNetIdentityAuthResults.TwoFactorCodeKey);
        var recoveryCode = request.GetExtraString(AspNetIdentityAuthResults.TwoFactorRecoveryCodeKey);
        var failure = await SignInAsync(request.Email, request.Password, twoFactorCode, recoveryCode, cancellationToken);
        return failure ?? AuthActionResult.Ok(LocalRedirect.IsLocal(request.RedirectPath) ? request.RedirectPath : _options.AfterLoginPath);
    }

    /// <summary>Clears the stored tokens (after telling the <see cref="AspNetIdentityAuthOptions.LogoutEndpoint"/>, when set) and goes to the login page.</summary>
    public override async Task<AuthActionResult> LogoutAsync(LogoutRequest request, CancellationToken cancellationToken = default)
    {
        var tokens = await _tokens.Store.GetAsync(cancellationToken);
        if (tokens is not null && _options.LogoutEndpoint is { } endpoint)
        {
            // The server-side notice is a courtesy: the local session ends whatever it answers.
            var notice = await _api.SendWithTokenAsync<NoContent>(HttpMethod.Post, endpoint, tokens, cancellationToken);
            if (!notice.IsOk)
            {
                Log.LogoutNoticeFailed(_logger);
            }
        }

        await _tokens.Store.ClearAsync(CancellationToken.None);
        ForgetAccount();
        return AuthActionResult.Ok(_options.LoginPath);
    }

    /// <summary>
    /// Authenticated while valid (or refreshable) tokens are stored; tokens not yet seen by the server in this scope
    /// are verified once against /manage/info, so forged or revoked tokens fail closed.
    /// </summary>
    public override async Task<CheckResult> CheckAsync(CheckRequest request, CancellationToken cancellationToken = default)
    {
        // A check starts a new page load (or a re-check): roles are read again after it.
        ForgetRoles();
        var tokens = await _tokens.GetValidTokenAsync(cancellationToken);
        if (tokens is null)
        {
            // No session, or the refresh failed and the coordinator has already logged out: nothing left to clear.
            return CheckResult.Fail(_options.LoginPath);
        }

        if (IsVerified(tokens))
        {
            return CheckResult.Ok();
        }

        var info = await LoadAccountAsync(cancellationToken);
        if (info.IsOk)
        {
            return CheckResult.Ok();
        }

        if (info.IsUnauthorized)
        {
            // Still holding tokens the server refuses (the coordinator clears them itself when a refresh fails).
            var stillStored = await _tokens.Store.GetAsync(cancellationToken) is not null;
            return CheckResult.Fail(_options.LoginPath, logout: stillStored, error: Error(TextKeys.SessionInvalidTitle, TextKeys.SessionInvalid));
        }

        // The server is down or answers nonsense: fail closed, but keep the tokens for when it is back.
        return CheckResult.Fail(_options.LoginPath, error: ServiceError(info, TextKeys.SessionInvalidTitle));
    }

    /// <summary>A 401 ends the session (or, with no session left, goes to the login page); a 403 shows "access denied" and keeps the user signed in.</summary>
    public override async Task<OnErrorResult> OnErrorAsync(OnErrorRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        switch (request.StatusCode)
        {
            case (int)HttpStatusCode.Unauthorized:
                // After a failed refresh the coordinator has logged out already: a second logout would be noise.
                return await _tokens.Store.GetAsync(cancellationToken) is null
                    ? OnErrorResult.NavigateTo(_options.LoginPath)
                    : OnErrorResult.LogoutTo(_options.LoginPath);
            case (int)HttpStatusCode.Forbidden:
                var denied = Error(TextKeys.AccessDeniedTitle, TextKeys.AccessDenied);
                _notifications.Open(new AuthNotification("access-denied", NotificationType.Error, denied.Name, denied.Message));
                return new OnErrorResult { Error = denied };
            default:
                return OnErrorResult.Ignore();
        }
    }

    /// <summary>Posts to /login; stores the tokens and returns null on success, the failed result otherwise.</summary>
    private async Task<AuthActionResult?> SignInAsync(string email, string password, string? twoFactorCode, string? recoveryCode, CancellationToken cancellationToken)
    {
        var body = new { email, password, twoFactorCode, twoFactorRecoveryCode = recoveryCode };
        var response = await _api.SendAsync<AccessTokenResponse>(HttpMethod.Post, _options.LoginEndpoint + "?useCookies=false", body, cancellationToken);
        if (response.IsOk && AspNetIdentityTokenRefresher.ToTokenSet(response.Value!, _time) is { } tokens)
        {
            await _tokens.Store.SetAsync(tokens, cancellationToken);
            ForgetAccount();
            MarkVerified(tokens);
            return null;
        }

        if (!response.IsUnauthorized)
        {
            return AuthActionResult.Fail(ServiceError(response, TextKeys.LoginFailedTitle));
        }

        var reason = response.Problem?.Detail ?? "Failed";
        Log.LoginRefused(_logger, reason.Length > 40 ? reason[..40] : reason);

        // Wrong password, unknown email, locked out and not allowed (unconfirmed) all read the same to the user: a
        // different text would tell whoever types an address that it has an account. The reason is in the log.
        // A two-factor prompt comes only after the right password, so it tells nothing new.
        return reason.ToUpperInvariant() switch
        {
            "REQUIRESTWOFACTOR" => AuthActionResult.Fail(Error(TextKeys.TwoFactorRequiredTitle, TextKeys.TwoFactorRequired)) with
            {
                Extra = new Dictionary<string, object?>(StringComparer.Ordinal) { [AspNetIdentityAuthResults.RequiresTwoFactorKey] = true },
            },
            _ when twoFactorCode is not null || recoveryCode is not null => AuthActionResult.Fail(Error(TextKeys.LoginFailedTitle, TextKeys.TwoFactorInvalid)),
            _ => AuthActionResult.Fail(Error(TextKeys.LoginFailedTitle, TextKeys.LoginFailed)),
        };
    }

    private AuthError Error(string titleKey, string messageKey) => new(_texts[titleKey], _texts[messageKey]);

    /// <summary>The error for an answer that is neither a success nor an expected refusal.</summary>
    private AuthError ServiceError<T>(ApiResponse<T> response, string titleKey) => response.Outcome switch
    {
        ApiOutcome.Unreachable => Error(TextKeys.UnavailableTitle, TextKeys.Unavailable),
        ApiOutcome.Unreadable => Error(TextKeys.InvalidResponseTitle, TextKeys.InvalidResponse),
        _ => new AuthError(_texts[titleKey], response.Problem?.Messages() ?? _texts[TextKeys.ServiceFailed, (int?)response.Status ?? 0]),
    };
}
