using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace RefineSharp.Blazor;

/// <summary>
/// A profile form for the signed-in user (name, email, avatar) over refine's updateIdentity: it shows the current
/// identity (a <see cref="UserIdentity"/>), sends only the fields the user changed through
/// <see cref="AuthActions.UpdateIdentity"/>, and shows the provider's error inline as well as refine's
/// <c>update-identity-error</c> notification. A separate component, not an <c>AuthPage</c> type (docs/adr/0008-update-identity.md).
/// </summary>
public sealed partial class ProfileForm : IDisposable
{
    private string? _name;
    private string? _email;
    private string? _avatar;
    private UserIdentity? _current;
    private string? _error;
    private bool _disposed;

    /// <summary>The heading; defaults to the localized "Profile".</summary>
    [Parameter]
    public string? Title { get; set; }

    /// <summary>Renders no heading (for a page that has its own).</summary>
    [Parameter]
    public bool HideTitle { get; set; }

    /// <summary>Extra values merged into every submit's <see cref="AuthRequest.Extra"/> (refine's <c>mutationVariables</c>).</summary>
    [Parameter]
    public IReadOnlyDictionary<string, object?>? MutationVariables { get; set; }

    /// <summary>Called with the provider's answer after every submit that reached the engine.</summary>
    [Parameter]
    public EventCallback<AuthActionResult> OnSubmitted { get; set; }

    /// <summary>Any other attribute is put on the outer element.</summary>
    [Parameter(CaptureUnmatchedValues = true)]
    public IReadOnlyDictionary<string, object>? AdditionalAttributes { get; set; }

    [Inject]
    private IStringLocalizer<RefineTexts> T { get; set; } = default!;

    [Inject]
    private AuthActions Actions { get; set; } = default!;

    [Inject]
    private AuthManager Auth { get; set; } = default!;

    /// <summary>Stops following the auth state.</summary>
    public void Dispose()
    {
        _disposed = true;
        Auth.AuthStateChanged -= OnAuthStateChanged;
    }

    /// <inheritdoc />
    protected override void OnInitialized() => Auth.AuthStateChanged += OnAuthStateChanged;

    /// <inheritdoc />
    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        // Prerendering calls no provider (docs/architecture.md): the identity is read once the form is interactive.
        if (firstRender && RendererInfo.IsInteractive)
        {
            await LoadAsync(overwriteInputs: true);
            StateHasChanged();
        }
    }

    private async Task LoadAsync(bool overwriteInputs)
    {
        UserIdentity? identity;
        try
        {
            identity = Auth.IsProvided ? await Auth.GetIdentityAsync<UserIdentity>() : null;
        }
        catch (InvalidCastException)
        {
            // The provider's identity is another type: the form starts empty and sends what the user types.
            identity = null;
        }

        _current = identity;
        if (overwriteInputs)
        {
            (_name, _email, _avatar) = (identity?.Name, identity?.Email, TypedAvatar(identity?.Avatar));
        }
    }

    private async Task SubmitAsync()
    {
        var request = new UpdateIdentityRequest
        {
            Name = Changed(_name, _current?.Name, emptyMeansRemove: true),
            Email = Changed(_email, _current?.Email),
            Avatar = Changed(_avatar, TypedAvatar(_current?.Avatar), emptyMeansRemove: true),
            Extra = MutationVariables ?? new Dictionary<string, object?>(StringComparer.Ordinal),
        };
        if (request is { Name: null, Email: null, Avatar: null })
        {
            _error = T[ProfileTextKeys.NothingChanged];
            return;
        }

        _error = null;
        var result = await Actions.UpdateIdentity.RunAsync(request);
        _error = result.Success ? null : result.Error?.Message ?? T[AuthActionTexts.UpdateIdentityDescription];
        if (result.Success)
        {
            await LoadAsync(overwriteInputs: true);
        }

        await OnSubmitted.InvokeAsync(result);
    }

    /// <summary>
    /// The avatar as the URL field shows it: a web address the user could have typed. A generated avatar (a data: URL,
    /// such as the Identity provider's initials) is no value of the field: it shows empty, and an empty field then
    /// means "no avatar of my own", which is what the user has.
    /// </summary>
    private static string? TypedAvatar(string? avatar) =>
        avatar is not null && (avatar.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || avatar.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
            ? avatar
            : null;

    /// <summary>The typed value when it differs from the current one, else null ("leave it"); an emptied field is "" (remove) where that is allowed, else null.</summary>
    private static string? Changed(string? typed, string? current, bool emptyMeansRemove = false)
    {
        var value = typed?.Trim() ?? "";
        if (string.Equals(value, current ?? "", StringComparison.Ordinal))
        {
            return null;
        }

        return value.Length == 0 && !emptyMeansRemove ? null : value;
    }

    private void OnAuthStateChanged(object? sender, AuthStateChangedEventArgs e)
    {
        if (_disposed || e.Reason == AuthChangeReason.CheckChanged || !RendererInfo.IsInteractive)
        {
            return;
        }

        // Another component changed the identity (or a login/logout happened): show the new values, keep typed ones.
        _ = InvokeAsync(async () =>
        {
            if (!_disposed && !Actions.UpdateIdentity.IsPending)
            {
                await LoadAsync(overwriteInputs: false);
                StateHasChanged();
            }
        });
    }
}
