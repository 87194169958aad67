using Microsoft.AspNetCore.Components;
using Microsoft.FluentUI.AspNetCore.Components;
using RefineSharp.Blazor;

namespace RefineSharp.FluentUI;

/// <summary>
/// refine's <c>&lt;AuthPage&gt;</c> in Fluent UI Blazor: the login, sign-up, forgot-password and update-password forms
/// built from Fluent's card, text inputs, checkbox, buttons and message bar. Parameters, validation, submits and the
/// static form post are <see cref="AuthFormBase"/>'s, the same as the headless <see cref="Blazor.AuthPage"/>; this adds
/// markup only. Fluent's inputs are web components: a static form posts them once Fluent's script has loaded (see
/// docs/ui-kits.md).
/// </summary>
public sealed partial class AuthPage
{
    private readonly Dictionary<string, FluentTextInput> _fields = new(StringComparer.Ordinal);

    private Dictionary<string, object> SummaryAttributes { get; } = new() { ["data-refine-error-summary"] = true, ["role"] = "alert" };

    private Dictionary<string, object> DividerAttributes { get; } = new() { ["data-refine-divider"] = true };

    private Dictionary<string, object> SubmitAttributes => IsPending
        ? new() { ["aria-busy"] = "true", ["data-refine-submit"] = true }
        : new() { ["data-refine-submit"] = true };

    // The same ARIA as the headless input: invalid, and described by its message, after a failed submit.
    private Dictionary<string, object> InputAttributes(AuthFormField input) => ErrorOf(input.Id) is null
        ? []
        : new() { ["aria-invalid"] = "true", ["aria-describedby"] = input.ErrorId };

    /// <inheritdoc />
    protected override ValueTask FocusFieldAsync(string fieldId) =>
        _fields.TryGetValue(fieldId, out var field) ? field.Element.FocusAsync() : ValueTask.CompletedTask;
}
