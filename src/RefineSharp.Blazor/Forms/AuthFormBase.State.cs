namespace RefineSharp.Blazor;

/// <summary>The form's state and the values a kit's markup renders (texts, fields, links), read-only to the markup.</summary>
public abstract partial class AuthFormBase
{
    /// <summary>The id and form name of the "Remember me" checkbox.</summary>
    protected const string RememberFieldId = FormField.Remember;

    /// <summary>The id of the heading, which labels the form.</summary>
    protected const string TitleId = "refine-auth-title";

    private readonly Dictionary<string, string> _errors = new(StringComparer.Ordinal);
    private string _email = string.Empty;
    private string _password = string.Empty;
    private string _confirmPassword = string.Empty;
    private string _currentPassword = string.Empty;
    private bool _remember;
    private bool _pending;
    private bool _focusFirstError;
    private string? _serverError;

    /// <summary>The page type as refine names it ("login", "register", "forgotPassword", "updatePassword").</summary>
    protected string TypeName => Type switch
    {
        AuthPageType.Register => "register",
        AuthPageType.ForgotPassword => "forgotPassword",
        AuthPageType.UpdatePassword => "updatePassword",
        _ => "login",
    };

    /// <summary>Whether a submit is running (the submit and provider buttons are disabled meanwhile).</summary>
    protected bool IsPending => _pending;

    /// <summary>The validation messages of the last submit, by field id, in the order of the fields.</summary>
    protected IReadOnlyDictionary<string, string> Errors => _errors;

    /// <summary>The provider's error message of the last submit, or null.</summary>
    protected string? ServerError => _serverError;

    /// <summary>Whether the error summary is shown (validation messages or a provider error).</summary>
    protected bool ShowsErrorSummary => _errors.Count > 0 || _serverError is not null;

    /// <summary>The heading text (<see cref="Title"/> or the localized title); <see cref="TitleContent"/> wins over it.</summary>
    protected string TitleText => Title ?? T[Type switch
    {
        AuthPageType.Register => PageTextKeys.RegisterTitle,
        AuthPageType.ForgotPassword => PageTextKeys.ForgotTitle,
        AuthPageType.UpdatePassword => PageTextKeys.UpdateTitle,
        _ => PageTextKeys.LoginTitle,
    }];

    /// <summary>The localized text of the submit button.</summary>
    protected string SubmitText => T[Type switch
    {
        AuthPageType.Register => PageTextKeys.RegisterSubmit,
        AuthPageType.ForgotPassword => PageTextKeys.ForgotSubmit,
        AuthPageType.UpdatePassword => PageTextKeys.UpdateSubmit,
        _ => PageTextKeys.LoginSignIn,
    }];

    /// <summary>The localized text between the provider buttons and the form ("or").</summary>
    protected string DividerText => T[Type == AuthPageType.Register ? PageTextKeys.RegisterDivider : PageTextKeys.LoginDivider];

    /// <summary>The localized lead of the error summary ("Please correct the errors below").</summary>
    protected string ErrorSummaryText => T[PageTextKeys.ErrorSummary];

    /// <summary>The localized text read out while a submit runs.</summary>
    protected string PendingText => T[PageTextKeys.Pending];

    /// <summary>The localized label of the "Remember me" checkbox.</summary>
    protected string RememberMeText => T[PageTextKeys.LoginRememberMe];

    /// <summary>The localized text of the "Forgot password?" link.</summary>
    protected string ForgotPasswordText => T[PageTextKeys.LoginForgotPassword];

    /// <summary>The address of the forgot-password page, relative to &lt;base href&gt;.</summary>
    protected string ForgotPasswordHref => Href(Settings.ForgotPasswordPath);

    /// <summary>Whether the provider buttons are shown (login and sign-up pages with providers).</summary>
    protected bool ShowsProviders => Providers is { Count: > 0 } && Type is AuthPageType.Login or AuthPageType.Register;

    /// <summary>Whether the "Remember me" checkbox is shown (login page).</summary>
    protected bool ShowsRememberMe => Type == AuthPageType.Login && (RememberMe ?? true);

    /// <summary>Whether the "Forgot password?" link is shown (login page, provider can reset passwords).</summary>
    protected bool ShowsForgotPasswordLink => Type == AuthPageType.Login && ShowsLink(ForgotPasswordLink, AuthFeatures.ForgotPassword);

    /// <summary>Whether the page renders statically (no interactivity): the form then posts to the server.</summary>
    protected bool IsStatic => !RendererInfo.IsInteractive;

    /// <summary>The name the static form posts under; one per page type, so two auth forms on a page stay apart.</summary>
    protected string StaticFormName => "refine-auth-" + TypeName;

    /// <summary>The "Remember me" value.</summary>
    protected bool Remember
    {
        get => _remember;
        set => _remember = value;
    }

    /// <summary>The inputs of the current page type, in order.</summary>
    protected IReadOnlyList<AuthFormField> Fields => Type switch
    {
        AuthPageType.Register =>
        [
            new(FormField.Email, "email", "email", T[PageTextKeys.RegisterEmail]),
            new(FormField.Password, "password", "new-password", T[PageTextKeys.RegisterPassword]),
        ],
        AuthPageType.ForgotPassword => [new(FormField.Email, "email", "email", T[PageTextKeys.ForgotEmail])],
        AuthPageType.UpdatePassword => ShowCurrentPassword
            ?
            [
                new(FormField.CurrentPassword, "password", "current-password", T[PageTextKeys.UpdateCurrentPassword]),
                new(FormField.Password, "password", "new-password", T[PageTextKeys.UpdatePassword]),
                new(FormField.ConfirmPassword, "password", "new-password", T[PageTextKeys.UpdateConfirmPassword]),
            ]
            :
            [
                new(FormField.Password, "password", "new-password", T[PageTextKeys.UpdatePassword]),
                new(FormField.ConfirmPassword, "password", "new-password", T[PageTextKeys.UpdateConfirmPassword]),
            ],
        _ =>
        [
            new(FormField.Email, "email", "username", T[PageTextKeys.LoginEmail]),
            new(FormField.Password, "password", "current-password", T[PageTextKeys.LoginPassword]),
        ],
    };

    /// <summary>The link under the form, or null when it is hidden.</summary>
    protected AuthFormLink? FooterLink => Type switch
    {
        AuthPageType.Login when ShowsLink(RegisterLink, AuthFeatures.Register) =>
            new("register", T[PageTextKeys.LoginNoAccount], T[PageTextKeys.LoginRegister], Href(Settings.RegisterPath)),
        AuthPageType.Register when ShowsLink(LoginLink, AuthFeatures.None) =>
            new("login", T[PageTextKeys.RegisterHaveAccount], T[PageTextKeys.RegisterSignIn], Href(Settings.LoginPath)),
        AuthPageType.ForgotPassword when ShowsLink(LoginLink, AuthFeatures.None) =>
            new("login", T[PageTextKeys.ForgotHaveAccount], T[PageTextKeys.ForgotSignIn], Href(Settings.LoginPath)),
        _ => null,
    };

    // The form always posts to the page itself: "method" and "action" from FormAttributes are dropped, so no
    // attribute can send the fields to a query string or to another address.

    /// <summary><see cref="FormAttributes"/> without method, action, formaction and formmethod.</summary>
    protected IReadOnlyDictionary<string, object>? SafeFormAttributes => FormAttributes?
        .Where(a => !string.Equals(a.Key, "method", StringComparison.OrdinalIgnoreCase)
            && !string.Equals(a.Key, "action", StringComparison.OrdinalIgnoreCase)
            && !string.Equals(a.Key, "formaction", StringComparison.OrdinalIgnoreCase)
            && !string.Equals(a.Key, "formmethod", StringComparison.OrdinalIgnoreCase))
        .ToDictionary(a => a.Key, a => a.Value, StringComparer.OrdinalIgnoreCase);

    /// <summary>The validation message of <paramref name="fieldId"/>, or null.</summary>
    protected string? ErrorOf(string fieldId) => _errors.TryGetValue(fieldId, out var message) ? message : null;

    /// <summary>
    /// The value to render into a field's input. A password never appears in HTML the server renders (prerendering, or
    /// a re-render after a post): only an interactive renderer sets it, as a DOM property, to clear the field.
    /// </summary>
    protected string? ValueOf(AuthFormField field)
    {
        ArgumentNullException.ThrowIfNull(field);
        return field.IsPassword && !RendererInfo.IsInteractive ? null : Get(field.Id);
    }

    /// <summary>Sets a field's value from its input (wire it to "input" as well as "change": Enter submits before any blur).</summary>
    protected void SetValue(string fieldId, string? value)
    {
        var text = value ?? string.Empty;
        switch (fieldId)
        {
            case FormField.Email: _email = text; break;
            case FormField.Password: _password = text; break;
            case FormField.ConfirmPassword: _confirmPassword = text; break;
            case FormField.CurrentPassword: _currentPassword = text; break;
            default: throw new ArgumentOutOfRangeException(nameof(fieldId), fieldId, "Not a field of the auth form.");
        }
    }

    private string Get(string fieldId) => fieldId switch
    {
        FormField.Email => _email,
        FormField.Password => _password,
        FormField.ConfirmPassword => _confirmPassword,
        FormField.CurrentPassword => _currentPassword,
        _ => string.Empty,
    };

    private bool ShowsLink(bool? shown, AuthFeatures required) =>
        (shown ?? true) && (required == AuthFeatures.None || Auth.Features.HasFlag(required));

    // Relative to <base href>, so an app under a path base keeps its prefix.
    private static string Href(string path) => path.StartsWith('/') ? path[1..] is { Length: > 0 } rest ? rest : "./" : path;
}
