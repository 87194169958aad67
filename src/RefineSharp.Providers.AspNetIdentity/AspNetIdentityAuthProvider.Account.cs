using RefineSharp.Providers.AspNetIdentity.Http;

namespace RefineSharp.Providers.AspNetIdentity;

public sealed partial class AspNetIdentityAuthProvider
{
    /// <summary>Creates the account through /register (Identity's validation messages become the error) and, by default, signs in.</summary>
    public override async Task<AuthActionResult> RegisterAsync(RegisterRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var response = await _api.SendAsync<NoContent>(
            HttpMethod.Post, _options.RegisterEndpoint, new { email = request.Email ?? "", password = request.Password ?? "" }, cancellationToken);
        if (!response.IsOk)
        {
            return AuthActionResult.Fail(ValidationError(response, TextKeys.RegisterFailedTitle, TextKeys.RegisterFailed));
        }

        if (_options.SignInAfterRegister && await SignInAsync(request.Email!, request.Password!, null, null, cancellationToken) is null)
        {
            return AuthActionResult.Ok(_options.AfterLoginPath);
        }

        // Created, but not signed in (for example when the account must be confirmed first).
        return AuthActionResult.Ok(_options.LoginPath) with { SuccessNotification = Notice(TextKeys.RegisterCreatedTitle, TextKeys.RegisterCreated) };
    }

    /// <summary>Asks /forgotPassword to email a reset code; succeeds whether or not the account exists, as the server reveals nothing.</summary>
    public override async Task<AuthActionResult> ForgotPasswordAsync(ForgotPasswordRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var response = await _api.SendAsync<NoContent>(HttpMethod.Post, _options.ForgotPasswordEndpoint, new { email = request.Email ?? "" }, cancellationToken);
        return response.IsOk
            ? AuthActionResult.Ok(_options.LoginPath) with { SuccessNotification = Notice(TextKeys.ForgotSentTitle, TextKeys.ForgotSent) }
            : AuthActionResult.Fail(ValidationError(response, TextKeys.ForgotFailedTitle));
    }

    /// <summary>
    /// Sets a new password: with the reset <c>code</c> and <c>email</c> of the reset link (Extra, from the URL) through
    /// /resetPassword, otherwise for the signed-in user through /manage/info with <see cref="UpdatePasswordRequest.CurrentPassword"/>.
    /// </summary>
    public override async Task<AuthActionResult> UpdatePasswordAsync(UpdatePasswordRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrEmpty(request.Password))
        {
            return AuthActionResult.Fail(Error(TextKeys.UpdateFailedTitle, TextKeys.UpdateMissing));
        }

        if (!string.Equals(request.Password, request.ConfirmPassword, StringComparison.Ordinal))
        {
            return AuthActionResult.Fail(Error(TextKeys.UpdateFailedTitle, TextKeys.UpdateMismatch));
        }

        var code = request.GetExtraString(AspNetIdentityAuthResults.ResetCodeKey);
        var email = request.GetExtraString(AspNetIdentityAuthResults.EmailKey);
        return !string.IsNullOrEmpty(code) && !string.IsNullOrEmpty(email)
            ? await ResetPasswordAsync(email, code, request.Password, cancellationToken)
            : await ChangePasswordAsync(request.CurrentPassword, request.Password, cancellationToken);
    }

    private async Task<AuthActionResult> ResetPasswordAsync(string email, string code, string password, CancellationToken cancellationToken)
    {
        var response = await _api.SendAsync<NoContent>(
            HttpMethod.Post, _options.ResetPasswordEndpoint, new { email, resetCode = code, newPassword = password }, cancellationToken);
        return response.IsOk
            ? AuthActionResult.Ok(_options.LoginPath) with { SuccessNotification = Notice(TextKeys.ResetTitle, TextKeys.Reset) }
            : AuthActionResult.Fail(ValidationError(response, TextKeys.UpdateFailedTitle));
    }

    private async Task<AuthActionResult> ChangePasswordAsync(string? currentPassword, string password, CancellationToken cancellationToken)
    {
        if (await _tokens.GetValidTokenAsync(cancellationToken) is null)
        {
            return AuthActionResult.Fail(Error(TextKeys.UpdateFailedTitle, TextKeys.UpdateNotSignedIn));
        }

        var response = await _api.SendAuthorizedAsync<InfoResponse>(
            HttpMethod.Post, _options.InfoEndpoint, new { newPassword = password, oldPassword = currentPassword ?? "" }, _tokens, cancellationToken);
        if (!response.IsOk)
        {
            return AuthActionResult.Fail(ValidationError(response, TextKeys.UpdateFailedTitle));
        }

        // The new security stamp invalidates the refresh token: sign in again so the session survives the next refresh.
        if (response.Value!.Email is { Length: > 0 } email)
        {
            await SignInAsync(email, password, null, null, cancellationToken);
        }

        return AuthActionResult.Ok() with { SuccessNotification = Notice(TextKeys.UpdatedTitle, TextKeys.Updated) };
    }

    private SuccessNotification Notice(string titleKey, string messageKey) => new(_texts[titleKey], _texts[messageKey]);

    /// <summary>Identity's validation messages (errors dictionary) when there are some; else the fallback for a refusal, or the service error.</summary>
    private AuthError ValidationError<T>(ApiResponse<T> response, string titleKey, string? refusedKey = null)
    {
        if (response.Outcome == ApiOutcome.Failed && response.Problem?.Messages() is { } messages)
        {
            return new AuthError(_texts[titleKey], messages);
        }

        var refused = response.Outcome == ApiOutcome.Failed && (int?)response.Status is < 500;
        return refused && refusedKey is not null ? Error(titleKey, refusedKey) : ServiceError(response, titleKey);
    }
}
