using global::MudBlazor;
using RefineSharp.Blazor;

namespace RefineSharp.MudBlazor;

/// <summary>
/// refine's <c>&lt;AuthPage&gt;</c> in MudBlazor: the login, sign-up, forgot-password and update-password forms built
/// from MudBlazor's card, text fields, checkbox, buttons and alert. Parameters, validation, submits and the static form
/// post are <see cref="AuthFormBase"/>'s, the same as the headless <see cref="Blazor.AuthPage"/>; this adds markup only.
/// </summary>
public sealed partial class AuthPage
{
    private readonly Dictionary<string, MudTextField<string>> _fields = new(StringComparer.Ordinal);

    private Dictionary<string, object?> TitleAttributes { get; } = new() { ["id"] = TitleId };

    private Dictionary<string, object?> SummaryAttributes { get; } = new() { ["data-refine-error-summary"] = true, ["role"] = "alert" };

    // MudBlazor puts these on the checkbox's native <input>, so a static form posts it as "remember=on".
    private Dictionary<string, object?> RememberAttributes { get; } = new() { ["id"] = RememberFieldId, ["name"] = RememberFieldId };

    private Dictionary<string, object?> SubmitAttributes => new() { ["aria-busy"] = IsPending ? "true" : null, ["data-refine-submit"] = true };

    /// <inheritdoc />
    protected override ValueTask FocusFieldAsync(string fieldId) =>
        _fields.TryGetValue(fieldId, out var field) ? field.FocusAsync() : ValueTask.CompletedTask;

    private static Dictionary<string, object?> Attributes(IReadOnlyDictionary<string, object>? attributes) =>
        attributes?.ToDictionary(a => a.Key, a => (object?)a.Value, StringComparer.OrdinalIgnoreCase) ?? [];
}
