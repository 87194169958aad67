using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace RefineSharp.Blazor;

/// <summary>
/// refine's auth mutation hooks for one component: inject it (<c>@inject AuthActions Auth</c>, registered transient,
/// so each component gets its own pending and error state) and call <c>Auth.Login.RunAsync(...)</c> or the
/// <c>LoginAsync(...)</c> shortcuts. Redirects, invalidation and notifications follow refine's rules.
/// </summary>
public sealed class AuthActions
{
    private readonly AuthManager _auth;

    /// <summary>Creates the actions for one component; normally injected.</summary>
    public AuthActions(AuthManager auth, ILogger<AuthActions>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(auth);
        _auth = auth;
        var log = (ILogger?)logger ?? NullLogger.Instance;
        Login = Action<LoginRequest>(auth.LoginAsync, log);
        Logout = Action<LogoutRequest>(auth.LogoutAsync, log);
        Register = Action<RegisterRequest>(auth.RegisterAsync, log);
        ForgotPassword = Action<ForgotPasswordRequest>(auth.ForgotPasswordAsync, log);
        UpdatePassword = Action<UpdatePasswordRequest>(auth.UpdatePasswordAsync, log);
        UpdateIdentity = Action<UpdateIdentityRequest>(auth.UpdateIdentityAsync, log);
        OnError = new AuthMutation<OnErrorRequest, OnErrorResult>(auth.OnErrorAsync, r => r.Error, e => new OnErrorResult { Error = e }, log);
    }

    /// <summary>useLogin.</summary>
    public AuthMutation<LoginRequest, AuthActionResult> Login { get; }

    /// <summary>useLogout.</summary>
    public AuthMutation<LogoutRequest, AuthActionResult> Logout { get; }

    /// <summary>useRegister.</summary>
    public AuthMutation<RegisterRequest, AuthActionResult> Register { get; }

    /// <summary>useForgotPassword.</summary>
    public AuthMutation<ForgotPasswordRequest, AuthActionResult> ForgotPassword { get; }

    /// <summary>useUpdatePassword (the current URL's query parameters are merged in by the engine).</summary>
    public AuthMutation<UpdatePasswordRequest, AuthActionResult> UpdatePassword { get; }

    /// <summary>useUpdateIdentity (the current URL's query parameters are merged in by the engine; on success every identity view reloads).</summary>
    public AuthMutation<UpdateIdentityRequest, AuthActionResult> UpdateIdentity { get; }

    /// <summary>useOnError: hands an API error to the provider, which may log out or redirect.</summary>
    public AuthMutation<OnErrorRequest, OnErrorResult> OnError { get; }

    /// <summary>True while any of the actions runs.</summary>
    public bool IsPending =>
        Login.IsPending || Logout.IsPending || Register.IsPending || ForgotPassword.IsPending || UpdatePassword.IsPending || UpdateIdentity.IsPending || OnError.IsPending;

    /// <summary>True when an auth provider is available (useIsExistAuthentication).</summary>
    public bool IsProvided => _auth.IsProvided;

    /// <summary>Logs in (shortcut for <see cref="Login"/>).</summary>
    public Task<AuthActionResult> LoginAsync(LoginRequest? request = null, CancellationToken cancellationToken = default) =>
        Login.RunAsync(request, cancellationToken);

    /// <summary>Logs out (shortcut for <see cref="Logout"/>).</summary>
    public Task<AuthActionResult> LogoutAsync(LogoutRequest? request = null, CancellationToken cancellationToken = default) =>
        Logout.RunAsync(request, cancellationToken);

    /// <summary>Signs up (shortcut for <see cref="Register"/>).</summary>
    public Task<AuthActionResult> RegisterAsync(RegisterRequest? request = null, CancellationToken cancellationToken = default) =>
        Register.RunAsync(request, cancellationToken);

    /// <summary>Asks for reset instructions (shortcut for <see cref="ForgotPassword"/>).</summary>
    public Task<AuthActionResult> ForgotPasswordAsync(ForgotPasswordRequest? request = null, CancellationToken cancellationToken = default) =>
        ForgotPassword.RunAsync(request, cancellationToken);

    /// <summary>Sets a new password (shortcut for <see cref="UpdatePassword"/>).</summary>
    public Task<AuthActionResult> UpdatePasswordAsync(UpdatePasswordRequest? request = null, CancellationToken cancellationToken = default) =>
        UpdatePassword.RunAsync(request, cancellationToken);

    /// <summary>Changes the signed-in user's profile (shortcut for <see cref="UpdateIdentity"/>).</summary>
    public Task<AuthActionResult> UpdateIdentityAsync(UpdateIdentityRequest? request = null, CancellationToken cancellationToken = default) =>
        UpdateIdentity.RunAsync(request, cancellationToken);

    /// <summary>Hands an API error to the provider (shortcut for <see cref="OnError"/>).</summary>
    public Task<OnErrorResult> OnErrorAsync(OnErrorRequest? request = null, CancellationToken cancellationToken = default) =>
        OnError.RunAsync(request, cancellationToken);

    /// <summary>Forgets the cached check, identity and permissions so that everything re-checks (useInvalidateAuthStore).</summary>
    public void InvalidateAuthStore() => _auth.InvalidateAuthStore();

    private static AuthMutation<TRequest, AuthActionResult> Action<TRequest>(Func<TRequest?, CancellationToken, Task<AuthActionResult>> run, ILogger logger)
        where TRequest : AuthRequest =>
        new(run, r => r.Error, e => AuthActionResult.Fail(e), logger);
}
