namespace RefineSharp.Blazor;

/// <summary>The keys of the page texts, named after refine's translation keys (pages.login.title and so on).</summary>
internal static class PageTextKeys
{
    public const string ErrorSummary = "pages.errors.summary";
    public const string Pending = "pages.buttons.pending";
    public const string NotificationClose = "notifications.close";
    public const string NotificationRegion = "notifications.region";

    public const string LoginTitle = "pages.login.title";
    public const string LoginEmail = "pages.login.fields.email";
    public const string LoginPassword = "pages.login.fields.password";
    public const string LoginRememberMe = "pages.login.buttons.rememberMe";
    public const string LoginForgotPassword = "pages.login.buttons.forgotPassword";
    public const string LoginSignIn = "pages.login.signin";
    public const string LoginNoAccount = "pages.login.buttons.noAccount";
    public const string LoginRegister = "pages.login.register";
    public const string LoginDivider = "pages.login.divider";

    public const string RegisterTitle = "pages.register.title";
    public const string RegisterEmail = "pages.register.fields.email";
    public const string RegisterPassword = "pages.register.fields.password";
    public const string RegisterSubmit = "pages.register.buttons.submit";
    public const string RegisterHaveAccount = "pages.register.buttons.haveAccount";
    public const string RegisterSignIn = "pages.register.signin";
    public const string RegisterDivider = "pages.register.divider";

    public const string ForgotTitle = "pages.forgotPassword.title";
    public const string ForgotEmail = "pages.forgotPassword.fields.email";
    public const string ForgotSubmit = "pages.forgotPassword.buttons.submit";
    public const string ForgotHaveAccount = "pages.forgotPassword.buttons.haveAccount";
    public const string ForgotSignIn = "pages.forgotPassword.signin";

    public const string UpdateTitle = "pages.updatePassword.title";
    public const string UpdatePassword = "pages.updatePassword.fields.password";
    public const string UpdateConfirmPassword = "pages.updatePassword.fields.confirmPassword";
    public const string UpdateCurrentPassword = "pages.updatePassword.fields.currentPassword";
    public const string UpdateRequiredCurrent = "pages.updatePassword.errors.requiredCurrentPassword";
    public const string UpdateSubmit = "pages.updatePassword.buttons.submit";
    public const string UpdateRequiredPassword = "pages.updatePassword.errors.requiredPassword";
    public const string UpdateRequiredConfirm = "pages.updatePassword.errors.requiredConfirmPassword";
    public const string UpdateConfirmNotMatch = "pages.updatePassword.errors.confirmPasswordNotMatch";

    /// <summary>The key of a validation text of a page ("login", "register", "forgotPassword").</summary>
    public static string Error(string page, string error) => $"pages.{page}.errors.{error}";
}
