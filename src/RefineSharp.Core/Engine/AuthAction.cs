namespace RefineSharp;

/// <summary>One of refine's mutation hooks: its notification keys and default texts.</summary>
internal sealed record AuthAction(
    string Name,
    string ErrorKey,
    string SuccessKey,
    string ErrorTitleText,
    string ErrorDescriptionText,
    string? NotSupportedText)
{
    public static readonly AuthAction Login = new(
        "login", "login-error", "login-success",
        "notifications.login.error.title", "notifications.login.error.description", null);

    public static readonly AuthAction Logout = new(
        "logout", "useLogout-error", "logout-success",
        "notifications.logout.error.title", "notifications.logout.error.description", null);

    public static readonly AuthAction Register = new(
        "register", "register-error", "register-success",
        "notifications.register.error.title", "notifications.register.error.description", "errors.notSupported.register");

    public static readonly AuthAction ForgotPassword = new(
        "forgotPassword", "forgot-password-error", "forgot-password-success",
        "notifications.forgotPassword.error.title", "notifications.forgotPassword.error.description", "errors.notSupported.forgotPassword");

    public static readonly AuthAction UpdatePassword = new(
        "updatePassword", "update-password-error", "update-password-success",
        "notifications.updatePassword.error.title", "notifications.updatePassword.error.description", "errors.notSupported.updatePassword");

    public static readonly AuthAction UpdateIdentity = new(
        "updateIdentity", "update-identity-error", "update-identity-success",
        "notifications.updateIdentity.error.title", "notifications.updateIdentity.error.description", "errors.notSupported.updateIdentity");
}
