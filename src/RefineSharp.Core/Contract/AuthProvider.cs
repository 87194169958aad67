namespace RefineSharp;

/// <summary>
/// The one object that knows how to talk to an auth backend (refine's authProvider). Four members are required;
/// the six virtual ones are optional: the engine finds out which ones a provider overrides and treats the rest as
/// unsupported (see <see cref="Features"/>). Expected outcomes are results, not exceptions.
/// </summary>
public abstract class AuthProvider
{
    /// <summary>Signs the user in.</summary>
    public abstract Task<AuthActionResult> LoginAsync(LoginRequest request, CancellationToken cancellationToken = default);

    /// <summary>Signs the user out and clears stored credentials.</summary>
    public abstract Task<AuthActionResult> LogoutAsync(LogoutRequest request, CancellationToken cancellationToken = default);

    /// <summary>Says whether the user is authenticated now.</summary>
    public abstract Task<CheckResult> CheckAsync(CheckRequest request, CancellationToken cancellationToken = default);

    /// <summary>Decides what an error from a data call means: log out, redirect, or nothing.</summary>
    public abstract Task<OnErrorResult> OnErrorAsync(OnErrorRequest request, CancellationToken cancellationToken = default);

    /// <summary>Creates an account. Optional: override to support sign-up.</summary>
    public virtual Task<AuthActionResult> RegisterAsync(RegisterRequest request, CancellationToken cancellationToken = default) =>
        Task.FromResult(NotImplementedResult(nameof(RegisterAsync)));

    /// <summary>Starts a password reset. Optional: override to support it.</summary>
    public virtual Task<AuthActionResult> ForgotPasswordAsync(ForgotPasswordRequest request, CancellationToken cancellationToken = default) =>
        Task.FromResult(NotImplementedResult(nameof(ForgotPasswordAsync)));

    /// <summary>Sets a new password (signed in, or with a reset code from the URL). Optional.</summary>
    public virtual Task<AuthActionResult> UpdatePasswordAsync(UpdatePasswordRequest request, CancellationToken cancellationToken = default) =>
        Task.FromResult(NotImplementedResult(nameof(UpdatePasswordAsync)));

    /// <summary>
    /// Changes the signed-in user's profile (name, email, avatar; refine's updateIdentity). Optional: override to
    /// support it. The engine forgets the cached identity after a success, so every identity view shows the new values.
    /// </summary>
    public virtual Task<AuthActionResult> UpdateIdentityAsync(UpdateIdentityRequest request, CancellationToken cancellationToken = default) =>
        Task.FromResult(NotImplementedResult(nameof(UpdateIdentityAsync)));

    /// <summary>Returns who the user is (any object; the ready providers return <see cref="UserIdentity"/>). Optional.</summary>
    public virtual Task<object?> GetIdentityAsync(IdentityRequest request, CancellationToken cancellationToken = default) =>
        Task.FromResult<object?>(null);

    /// <summary>Returns what the user may do (any object; the ready providers return a list of strings). Optional.</summary>
    public virtual Task<object?> GetPermissionsAsync(PermissionsRequest request, CancellationToken cancellationToken = default) =>
        Task.FromResult<object?>(null);

    /// <summary>The optional members this provider overrides, found once per provider type.</summary>
    public AuthFeatures Features => AuthFeatureDetector.Detect(GetType());

    private static AuthActionResult NotImplementedResult(string member) =>
        AuthActionResult.Fail("NotSupported", $"This auth provider does not implement {member}.");
}
