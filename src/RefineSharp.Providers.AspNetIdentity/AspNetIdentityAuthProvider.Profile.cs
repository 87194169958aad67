using RefineSharp.Providers.AspNetIdentity.Http;

namespace RefineSharp.Providers.AspNetIdentity;

public sealed partial class AspNetIdentityAuthProvider
{
    // The server's error codes (MapIdentityProfile) and the provider's localized text for each.
    private static readonly (string Code, string TextKey)[] ProfileErrors =
    [
        ("DuplicateEmail", TextKeys.ProfileEmailTaken),
        ("InvalidEmail", TextKeys.ProfileEmailInvalid),
        ("InvalidName", TextKeys.ProfileNameInvalid),
        ("InvalidAvatar", TextKeys.ProfileAvatarInvalid),
    ];

    /// <summary>
    /// Changes the signed-in user's display name, avatar and email through <see cref="AspNetIdentityAuthOptions.ProfileEndpoint"/>
    /// (map it with <c>MapIdentityProfile&lt;TUser&gt;()</c>). The server checks every field before it changes anything;
    /// a new email takes effect only when the confirmation link Identity emails to it is opened.
    /// </summary>
    public override async Task<AuthActionResult> UpdateIdentityAsync(UpdateIdentityRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (_options.ProfileEndpoint is not { } endpoint)
        {
            return AuthActionResult.Fail(Error(TextKeys.ProfileFailedTitle, TextKeys.ProfileNotConfigured));
        }

        if (request is { Name: null, Email: null, Avatar: null })
        {
            return AuthActionResult.Fail(Error(TextKeys.ProfileFailedTitle, TextKeys.ProfileNothingToChange));
        }

        if (await _tokens.GetValidTokenAsync(cancellationToken) is null)
        {
            return AuthActionResult.Fail(Error(TextKeys.ProfileFailedTitle, TextKeys.UpdateNotSignedIn));
        }

        var body = new { name = request.Name, avatar = request.Avatar, newEmail = request.Email };
        var response = await _api.SendAuthorizedAsync<ProfileResponse>(HttpMethod.Post, endpoint, body, _tokens, cancellationToken);
        if (!response.IsOk)
        {
            return AuthActionResult.Fail(ProfileError(response));
        }

        // The next identity read must come from the server, not from this scope's last /manage/info answer.
        ForgetAccount();
        var pending = response.Value!.PendingEmail;
        var notice = pending is null
            ? new SuccessNotification(_texts[TextKeys.ProfileSavedTitle], _texts[TextKeys.ProfileSaved])
            : new SuccessNotification(_texts[TextKeys.ProfileSavedTitle], _texts[TextKeys.ProfileConfirmEmail, pending]);
        return AuthActionResult.Ok() with { SuccessNotification = notice };
    }

    /// <summary>The profile (name and avatar) from <see cref="AspNetIdentityAuthOptions.ProfileEndpoint"/>, or null when there is none or it fails.</summary>
    private async Task<ProfileResponse?> LoadProfileAsync(CancellationToken cancellationToken)
    {
        if (_options.ProfileEndpoint is not { } endpoint)
        {
            return null;
        }

        var response = await _api.SendAuthorizedAsync<ProfileResponse>(HttpMethod.Get, endpoint, null, _tokens, cancellationToken);
        return response.IsOk ? response.Value : null;
    }

    /// <summary>A known refusal in the user's language; else Identity's own messages, or the service error.</summary>
    private AuthError ProfileError(ApiResponse<ProfileResponse> response)
    {
        if (response.Outcome == ApiOutcome.Failed && response.Problem?.Errors is { Count: > 0 } errors)
        {
            var known = ProfileErrors.Where(e => errors.ContainsKey(e.Code)).Select(e => _texts[e.TextKey].Value).ToArray();
            if (known.Length > 0)
            {
                return new AuthError(_texts[TextKeys.ProfileFailedTitle], string.Join(" ", known));
            }
        }

        return ValidationError(response, TextKeys.ProfileFailedTitle);
    }
}
