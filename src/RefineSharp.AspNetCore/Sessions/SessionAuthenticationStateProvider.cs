using Microsoft.AspNetCore.Components.Authorization;

namespace RefineSharp.AspNetCore.Sessions;

/// <summary>
/// Wraps the app's <see cref="AuthenticationStateProvider"/> (RefineSharp's claims bridge) so that the principal
/// the host hands a circuit or a prerender (the session cookie's user) reaches <see cref="SessionUser"/>, where the
/// provider reads its session. The authentication state itself is not a second channel: it is the wrapped bridge's
/// mapping of the one auth-state snapshot (ADR 0007), forwarded unchanged, and the host's principal never becomes
/// the app's state directly (the provider's check decides).
/// </summary>
internal sealed class SessionAuthenticationStateProvider : AuthenticationStateProvider, IHostEnvironmentAuthenticationStateProvider, IDisposable
{
    private readonly AuthenticationStateProvider _inner;
    private readonly SessionUser _user;

    public SessionAuthenticationStateProvider(AuthenticationStateProvider inner, SessionUser user)
    {
        _inner = inner;
        _user = user;
        _inner.AuthenticationStateChanged += OnInnerChanged;
    }

    public override Task<AuthenticationState> GetAuthenticationStateAsync() => _inner.GetAuthenticationStateAsync();

    public void SetAuthenticationState(Task<AuthenticationState> authenticationStateTask)
    {
        ArgumentNullException.ThrowIfNull(authenticationStateTask);

        // The host passes a completed task (the request's or the circuit's user); anything else is ignored.
        if (authenticationStateTask.IsCompletedSuccessfully)
        {
            _user.SetHostPrincipal(authenticationStateTask.Result.User);
        }
    }

    public void Dispose() => _inner.AuthenticationStateChanged -= OnInnerChanged;

    private void OnInnerChanged(Task<AuthenticationState> task) => NotifyAuthenticationStateChanged(task);
}
