using Microsoft.AspNetCore.Components;

namespace RefineSharp.Blazor;

/// <summary>
/// The form as a plain HTML form post: rendered without interactivity (static server rendering, or before a circuit
/// or WebAssembly has started), it posts its fields (never into the URL) and the server handles the submit in that
/// request, through the same <see cref="AuthManager"/> call as the interactive form. With server-side sessions this
/// is how sign-in works before any script has loaded, and with JavaScript off. Every kit's markup posts the same names.
/// </summary>
public abstract partial class AuthFormBase
{
    /// <summary>
    /// True (the default): where scripts run, the static form is posted by Blazor's enhanced form handling, which
    /// sends it with fetch and merges the answer into the page, so a sign-in loads no second document (a plain post
    /// when the request gets no answer at all; see wwwroot/RefineSharp.Blazor.lib.module.js). Without scripts it is a
    /// plain post either way. False always posts plainly. Only the static form is affected: an interactive form submits
    /// in its circuit or WebAssembly runtime.
    /// </summary>
    [Parameter]
    public bool EnhancedPost { get; set; } = true;

    /// <summary>
    /// The value of the form's <c>data-enhance</c> and <c>data-refine-auth-form</c> attributes: an empty string when the
    /// form renders statically with <see cref="EnhancedPost"/>, otherwise null (no attribute). Kits render both
    /// attributes before <see cref="SafeFormAttributes"/>, so a <c>data-enhance</c> in <see cref="FormAttributes"/> wins.
    /// </summary>
    protected string? EnhancedPostAttribute => IsStatic && EnhancedPost ? string.Empty : null;

    /// <summary>The posted email (static form posts only).</summary>
    [SupplyParameterFromForm(Name = FormField.Email)]
    private string? PostedEmail { get; set; }

    /// <summary>The posted password (static form posts only); never rendered back.</summary>
    [SupplyParameterFromForm(Name = FormField.Password)]
    private string? PostedPassword { get; set; }

    /// <summary>The posted confirmation (static form posts only); never rendered back.</summary>
    [SupplyParameterFromForm(Name = FormField.ConfirmPassword)]
    private string? PostedConfirmPassword { get; set; }

    /// <summary>The posted current password (static form posts only); never rendered back.</summary>
    [SupplyParameterFromForm(Name = FormField.CurrentPassword)]
    private string? PostedCurrentPassword { get; set; }

    /// <summary>The posted "Remember me" checkbox ("on" or "true" when ticked).</summary>
    [SupplyParameterFromForm(Name = FormField.Remember)]
    private string? PostedRemember { get; set; }

    /// <summary>Takes a static form post's fields into the form's state before a server-side submit.</summary>
    private void TakePostedFields()
    {
        if (RendererInfo.IsInteractive)
        {
            return;
        }

        _email = PostedEmail ?? _email;
        _password = PostedPassword ?? string.Empty;
        _confirmPassword = PostedConfirmPassword ?? string.Empty;
        _currentPassword = PostedCurrentPassword ?? string.Empty;
        _remember = PostedRemember is { } remember
            && (string.Equals(remember, "on", StringComparison.OrdinalIgnoreCase) || string.Equals(remember, "true", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Forgets the secrets of a static post once it was handled: the re-rendered page must not carry them.</summary>
    private void ForgetPostedSecrets()
    {
        if (RendererInfo.IsInteractive)
        {
            return;
        }

        _password = _confirmPassword = _currentPassword = string.Empty;
        PostedPassword = PostedConfirmPassword = PostedCurrentPassword = null;
    }
}
