using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace RefineSharp.Blazor;

/// <summary>
/// The behaviour of refine's <c>&lt;AuthPage&gt;</c> without markup: its parameters, fields, validation, submits
/// through the <see cref="AuthManager"/> (which handles <c>?to=</c>, redirects and notifications), the static form post
/// and the pending and error state. The headless <see cref="AuthPage"/> and each UI kit's page derive from it and add
/// markup only, so the pages of every kit behave the same.
/// </summary>
public abstract partial class AuthFormBase : ComponentBase
{
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

    private IStringLocalizer<RefineBlazorTexts> T => RefineServices.Require<IStringLocalizer<RefineBlazorTexts>>(Services);

    private AuthManager Auth => RefineServices.Require<AuthManager>(Services);

    [Inject]
    private IOptions<RefineBlazorOptions> OptionsAccessor { get; set; } = default!;

    [Inject]
    private IServiceProvider Services { get; set; } = default!;

    private RefineBlazorOptions Settings => OptionsAccessor.Value;

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
        if (_errors.Keys.FirstOrDefault() is { } first)
        {
            try
            {
                await FocusFieldAsync(first);
            }
            catch (Exception ex) when (ex is InvalidOperationException or Microsoft.JSInterop.JSException)
            {
                // Focus is a nicety; a missing element or closed connection must not break the form.
            }
        }
    }

    /// <summary>
    /// Moves the focus to the input of <paramref name="fieldId"/> (called for the first invalid field after a submit,
    /// so a keyboard or screen-reader user lands on what to fix). Each kit focuses its own input component.
    /// </summary>
    protected abstract ValueTask FocusFieldAsync(string fieldId);
}
