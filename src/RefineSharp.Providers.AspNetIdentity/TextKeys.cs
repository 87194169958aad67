namespace RefineSharp.Providers.AspNetIdentity;

/// <summary>The keys of the provider's texts (Resources/AspNetIdentityTexts.en.tsv).</summary>
internal static class TextKeys
{
    public const string LoginFailedTitle = "login.failed.title";
    public const string LoginFailed = "login.failed";
    public const string TwoFactorRequiredTitle = "login.twoFactorRequired.title";
    public const string TwoFactorRequired = "login.twoFactorRequired";
    public const string TwoFactorInvalid = "login.twoFactorInvalid";
    public const string UnavailableTitle = "service.unavailable.title";
    public const string Unavailable = "service.unavailable";
    public const string InvalidResponseTitle = "service.invalidResponse.title";
    public const string InvalidResponse = "service.invalidResponse";
    public const string ServiceFailed = "service.failed";
    public const string RegisterFailedTitle = "register.failed.title";
    public const string RegisterFailed = "register.failed";
    public const string RegisterCreatedTitle = "register.created.title";
    public const string RegisterCreated = "register.created";
    public const string ForgotFailedTitle = "forgotPassword.failed.title";
    public const string ForgotSentTitle = "forgotPassword.sent.title";
    public const string ForgotSent = "forgotPassword.sent";
    public const string UpdateFailedTitle = "updatePassword.failed.title";
    public const string UpdateMissing = "updatePassword.missing";
    public const string UpdateMismatch = "updatePassword.mismatch";
    public const string UpdateNotSignedIn = "updatePassword.notSignedIn";
    public const string UpdatedTitle = "updatePassword.updated.title";
    public const string Updated = "updatePassword.updated";
    public const string ResetTitle = "updatePassword.reset.title";
    public const string Reset = "updatePassword.reset";
    public const string SessionInvalidTitle = "check.sessionInvalid.title";
    public const string SessionInvalid = "check.sessionInvalid";
    public const string AccessDeniedTitle = "error.accessDenied.title";
    public const string AccessDenied = "error.accessDenied";
    public const string ProfileFailedTitle = "updateIdentity.failed.title";
    public const string ProfileNotConfigured = "updateIdentity.notConfigured";
    public const string ProfileNothingToChange = "updateIdentity.nothingToChange";
    public const string ProfileEmailTaken = "updateIdentity.emailTaken";
    public const string ProfileEmailInvalid = "updateIdentity.emailInvalid";
    public const string ProfileNameInvalid = "updateIdentity.nameInvalid";
    public const string ProfileAvatarInvalid = "updateIdentity.avatarInvalid";
    public const string ProfileSavedTitle = "updateIdentity.saved.title";
    public const string ProfileSaved = "updateIdentity.saved";
    public const string ProfileConfirmEmail = "updateIdentity.confirmEmail";
}
