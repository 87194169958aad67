using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace RefineSharp.Blazor;

/// <summary>
/// refine's <c>&lt;AuthPage&gt;</c>: the login, sign-up, forgot-password and update-password forms, validated before
/// they are sent, with texts from <c>IStringLocalizer&lt;RefineBlazorTexts&gt;</c>. Submits go through the
/// <see cref="AuthManager"/>, which handles <c>?to=</c>, redirects and notifications.
/// </summary>
public sealed partial class AuthPage
{
    // Deliberately loose, like the UI kits refine uses: something@something.something, no spaces.
    private static readonly Regex EmailPattern = new(@"^[^@\s]+@[^@\s]+\.[^@\s]+$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    private readonly Dictionary<string, string> _errors = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ElementReference> _inputs = new(StringComparer.Ordinal);
    private string _email = string.Empty;
    private string _password = string.Empty;
    private string _confirmPassword = string.Empty;
    private string _currentPassword = string.Empty;
    private bool _remember;
    private bool _pending;
    private bool _focusFirstError;
    private string? _serverError;

    /// <summary>Which form to show. Default: <see cref="AuthPageType.Login"/>.</summary>
    [Parameter]
    public AuthPageType Type { get; set; }

    /// <summary>External sign-in buttons (login and sign-up pages); each calls login or register with its name as ProviderName.</summary>
    [Parameter]
    public IReadOnlyList<AuthPageProvider>? Providers { get; set; }

    /// <summary>False hides the "Remember me" checkbox of the login page. Default: shown.</summary>
    [Parameter]
    public bool? RememberMe { get; set; }

    /// <summary>False hides the sign-up link of the login page; it is also hidden when the provider cannot register.</summary>
    [Parameter]
    public bool? RegisterLink { get; set; }

    /// <summary>False hides the "Forgot password?" link; it is also hidden when the provider cannot reset passwords.</summary>
    [Parameter]
    public bool? ForgotPasswordLink { get; set; }

    /// <summary>False hides the "Sign in" link of the sign-up and forgot-password pages.</summary>
    [Parameter]
    public bool? LoginLink { get; set; }

    /// <summary>The heading text; defaults to the page's localized title.</summary>
    [Parameter]
    public string? Title { get; set; }

    /// <summary>The heading content; wins over <see cref="Title"/>.</summary>
    [Parameter]
    public RenderFragment? TitleContent { get; set; }

    /// <summary>True hides the heading (refine's <c>title={false}</c>).</summary>
    [Parameter]
    public bool HideTitle { get; set; }

    /// <summary>Renders the page's parts yourself (refine's <c>renderContent</c>); only its output is shown.</summary>
    [Parameter]
    public RenderFragment<AuthPageContent>? RenderContent { get; set; }

    /// <summary>
    /// True adds a "Current Password" field to the update-password form, for a signed-in user changing their password
    /// (sent as <see cref="UpdatePasswordRequest.CurrentPassword"/>). Leave it off for reset links that carry a code.
    /// </summary>
    [Parameter]
    public bool ShowCurrentPassword { get; set; }

    /// <summary>True shows only the provider buttons and links, without the form.</summary>
    [Parameter]
    public bool HideForm { get; set; }

    /// <summary>Extra values merged into every submit's <see cref="AuthRequest.Extra"/> (refine's <c>mutationVariables</c>).</summary>
    [Parameter]
    public IReadOnlyDictionary<string, object?>? MutationVariables { get; set; }

    /// <summary>Attributes put on the &lt;form&gt; element (refine's <c>formProps</c>), except method and action: the form always posts to its own page.</summary>
    [Parameter]
    public IReadOnlyDictionary<string, object>? FormAttributes { get; set; }

    /// <summary>Attributes put on the card around title and form (refine's <c>contentProps</c>).</summary>
    [Parameter]
    public IReadOnlyDictionary<string, object>? ContentAttributes { get; set; }

    /// <summary>Any other attribute is put on the page's outer element (refine's <c>wrapperProps</c>).</summary>
    [Parameter(CaptureUnmatchedValues = true)]
    public IReadOnlyDictionary<string, object>? AdditionalAttributes { get; set; }

    [Inject]
    private IStringLocalizer<RefineBlazorTexts> T { get; set; } = default!;

    [Inject]
    private AuthManager Auth { get; set; } = default!;

    [Inject]
    private IOptions<RefineBlazorOptions> OptionsAccessor { get; set; } = default!;

    [Inject]
    private IServiceProvider Services { get; set; } = default!;

    private RefineBlazorOptions Settings => OptionsAccessor.Value;

    private string TypeName => Type switch
    {
        AuthPageType.Register => "register",
        AuthPageType.ForgotPassword => "forgotPassword",
        AuthPageType.UpdatePassword => "updatePassword",
        _ => "login",
    };

    private string TitleKey => Type switch
    {
        AuthPageType.Register => PageTextKeys.RegisterTitle,
        AuthPageType.ForgotPassword => PageTextKeys.ForgotTitle,
        AuthPageType.UpdatePassword => PageTextKeys.UpdateTitle,
        _ => PageTextKeys.LoginTitle,
    };

    private string SubmitKey => Type switch
    {
        AuthPageType.Register => PageTextKeys.RegisterSubmit,
        AuthPageType.ForgotPassword => PageTextKeys.ForgotSubmit,
        AuthPageType.UpdatePassword => PageTextKeys.UpdateSubmit,
        _ => PageTextKeys.LoginSignIn,
    };

    private string DividerKey => Type == AuthPageType.Register ? PageTextKeys.RegisterDivider : PageTextKeys.LoginDivider;

    private bool ShowsProviders => Providers is { Count: > 0 } && Type is AuthPageType.Login or AuthPageType.Register;

    /// <inheritdoc />
    protected override void OnInitialized()
    {
        if (RendererInfo.IsInteractive)
        {
            RefineServices.Require<InteractivityMonitor>(Services).MarkInteractive();
        }
    }

    /// <inheritdoc />
    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!_focusFirstError)
        {
            return;
        }

        _focusFirstError = false;
        var first = _errors.Keys.FirstOrDefault();
        if (first is not null && _inputs.TryGetValue(first, out var input))
        {
            try
            {
                await input.FocusAsync();
            }
            catch (Exception ex) when (ex is InvalidOperationException or Microsoft.JSInterop.JSException)
            {
                // Focus is a nicety; a missing element or closed connection must not break the form.
            }
        }
    }

    // The form always posts to the page itself: "method" and "action" from FormAttributes are dropped, so no
    // attribute can send the fields to a query string or to another address.
    private Dictionary<string, object>? SafeFormAttributes => FormAttributes?
        .Where(a => !string.Equals(a.Key, "method", StringComparison.OrdinalIgnoreCase)
            && !string.Equals(a.Key, "action", StringComparison.OrdinalIgnoreCase)
            && !string.Equals(a.Key, "formaction", StringComparison.OrdinalIgnoreCase)
            && !string.Equals(a.Key, "formmethod", StringComparison.OrdinalIgnoreCase))
        .ToDictionary(a => a.Key, a => a.Value, StringComparer.OrdinalIgnoreCase);

    // A password never appears in HTML the server renders (prerendering, or a re-render after a post): only an
    // interactive renderer sets it, as a DOM property, to clear the field.
    private string? ValueOf(string type, Func<string> get) =>
        type == "password" && !RendererInfo.IsInteractive ? null : get();

    private bool ShowsLink(bool? shown, AuthFeatures required) =>
        (shown ?? true) && (required == AuthFeatures.None || Auth.Features.HasFlag(required));

    // Relative to <base href>, so an app under a path base keeps its prefix.
    private static string Href(string path) => path.StartsWith('/') ? path[1..] is { Length: > 0 } rest ? rest : "./" : path;

    private async Task SubmitAsync()
    {
        if (_pending)
        {
            return;
        }

        TakePostedFields();
        Validate();
        _serverError = null;
        if (_errors.Count > 0)
        {
            _focusFirstError = true;
            ForgetPostedSecrets();
            return;
        }

        await RunAsync(Type switch
        {
            AuthPageType.Register => () => Auth.RegisterAsync(new RegisterRequest { Email = _email.Trim(), Password = _password, Extra = Variables() }),
            AuthPageType.ForgotPassword => () => Auth.ForgotPasswordAsync(new ForgotPasswordRequest { Email = _email.Trim(), Extra = Variables() }),
            AuthPageType.UpdatePassword => () => Auth.UpdatePasswordAsync(new UpdatePasswordRequest { Password = _password, ConfirmPassword = _confirmPassword, CurrentPassword = ShowCurrentPassword ? _currentPassword : null, Extra = Variables() }),
            _ => () => Auth.LoginAsync(new LoginRequest { Email = _email.Trim(), Password = _password, Remember = _remember, Extra = Variables() }),
        });
    }

    private Task ProviderAsync(AuthPageProvider provider)
    {
        if (_pending)
        {
            return Task.CompletedTask;
        }

        _errors.Clear();
        _serverError = null;
        return RunAsync(Type == AuthPageType.Register
            ? () => Auth.RegisterAsync(new RegisterRequest { ProviderName = provider.Name, Extra = Variables() })
            : () => Auth.LoginAsync(new LoginRequest { ProviderName = provider.Name, Extra = Variables() }));
    }

    private async Task RunAsync(Func<Task<AuthActionResult>> action)
    {
        _pending = true;
        try
        {
            var result = await action();
            _serverError = result.Success ? null : result.Error?.Message;
            if (result.Success && Type == AuthPageType.UpdatePassword)
            {
                // A changed password must not stay in the form (the page may stay open, as a signed-in change does).
                _currentPassword = _password = _confirmPassword = string.Empty;
            }
        }
        catch (OperationCanceledException)
        {
            // The page is going away; nothing to show.
        }
        finally
        {
            _pending = false;
            ForgetPostedSecrets();
        }
    }

    private Dictionary<string, object?> Variables() =>
        MutationVariables is null ? new Dictionary<string, object?>(StringComparer.Ordinal) : new Dictionary<string, object?>(MutationVariables, StringComparer.Ordinal);

    private void Validate()
    {
        _errors.Clear();
        var page = TypeName;
        if (Type != AuthPageType.UpdatePassword)
        {
            if (string.IsNullOrWhiteSpace(_email))
            {
                _errors[FormField.Email] = T[PageTextKeys.Error(page, "requiredEmail")];
            }
            else if (!EmailPattern.IsMatch(_email.Trim()))
            {
                _errors[FormField.Email] = T[PageTextKeys.Error(page, "validEmail")];
            }
        }

        if (Type is AuthPageType.Login or AuthPageType.Register && string.IsNullOrEmpty(_password))
        {
            _errors[FormField.Password] = T[PageTextKeys.Error(page, "requiredPassword")];
        }

        if (Type == AuthPageType.UpdatePassword)
        {
            if (ShowCurrentPassword && string.IsNullOrEmpty(_currentPassword))
            {
                _errors[FormField.CurrentPassword] = T[PageTextKeys.UpdateRequiredCurrent];
            }

            if (string.IsNullOrEmpty(_password))
            {
                _errors[FormField.Password] = T[PageTextKeys.UpdateRequiredPassword];
            }

            if (string.IsNullOrEmpty(_confirmPassword))
            {
                _errors[FormField.ConfirmPassword] = T[PageTextKeys.UpdateRequiredConfirm];
            }
            else if (!string.Equals(_password, _confirmPassword, StringComparison.Ordinal))
            {
                _errors[FormField.ConfirmPassword] = T[PageTextKeys.UpdateConfirmNotMatch];
            }
        }
    }
}
