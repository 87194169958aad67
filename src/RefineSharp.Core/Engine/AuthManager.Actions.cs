namespace RefineSharp;

public sealed partial class AuthManager
{
    /// <summary>
    /// Logs in (refine's useLogin). On success: invalidates the auth store, then goes (replace) to the validated
    /// <c>?to=</c> of the current URL, else to the provider's RedirectTo. On failure: an error notification, no navigation.
    /// </summary>
    public async Task<AuthActionResult> LoginAsync(LoginRequest? request = null, CancellationToken cancellationToken = default)
    {
        var provider = RequireProvider();
        var returnPath = ReadReturnPath();
        return await RunSignInAsync(async () =>
        {
            var (result, completed) = await RunAsync(nameof(AuthProvider.LoginAsync), t => provider.LoginAsync(request ?? new LoginRequest(), t), cancellationToken);
            if (completed && result.Success)
            {
                Interlocked.Increment(ref _session);
                var target = returnPath ?? Validated(result.RedirectTo, "LoginAsync RedirectTo");
                Invalidate(AuthChangeReason.Login, target);
                Navigate(target, NavigationKind.Replace);
            }

            Notify(AuthAction.Login, result);
            Telemetry.RefineTelemetry.SignIn(result.Success ? "success" : "failure", result.Success ? "login" : completed ? "refused" : "unavailable");
            return result;
        });
    }

    /// <summary>
    /// Logs out (refine's useLogout). Always invalidates the auth store; then goes (push) to the request's
    /// RedirectPath, else the provider's RedirectTo, even when the provider reports a failure.
    /// </summary>
    public Task<AuthActionResult> LogoutAsync(LogoutRequest? request = null, CancellationToken cancellationToken = default) =>
        LogoutCoreAsync(RequireProvider(), request ?? new LogoutRequest(), cancellationToken);

    /// <summary>
    /// Registers (refine's useRegister). Invalidates the auth store only on success; goes (replace) to the
    /// provider's RedirectTo whatever the outcome.
    /// </summary>
    public async Task<AuthActionResult> RegisterAsync(RegisterRequest? request = null, CancellationToken cancellationToken = default)
    {
        var provider = RequireProvider();
        if (!provider.Features.HasFlag(AuthFeatures.Register))
        {
            return NotSupported(AuthAction.Register, nameof(AuthProvider.RegisterAsync));
        }

        return await RunSignInAsync(async () =>
        {
            var (result, completed) = await RunAsync(nameof(AuthProvider.RegisterAsync), t => provider.RegisterAsync(request ?? new RegisterRequest(), t), cancellationToken);
            if (completed)
            {
                var target = Validated(result.RedirectTo, "RegisterAsync RedirectTo");
                if (result.Success)
                {
                    Interlocked.Increment(ref _session);
                    Invalidate(AuthChangeReason.Register, target);
                }

                Navigate(target, NavigationKind.Replace);
            }

            Notify(AuthAction.Register, result);
            Telemetry.RefineTelemetry.SignIn(result.Success ? "success" : "failure", result.Success ? "register" : completed ? "refused" : "unavailable");
            return result;
        });
    }

    /// <summary>Starts a password reset (refine's useForgotPassword): goes (replace) to RedirectTo whatever the outcome; no invalidation.</summary>
    public async Task<AuthActionResult> ForgotPasswordAsync(ForgotPasswordRequest? request = null, CancellationToken cancellationToken = default)
    {
        var provider = RequireProvider();
        if (!provider.Features.HasFlag(AuthFeatures.ForgotPassword))
        {
            return NotSupported(AuthAction.ForgotPassword, nameof(AuthProvider.ForgotPasswordAsync));
        }

        var (result, completed) = await RunAsync(nameof(AuthProvider.ForgotPasswordAsync), t => provider.ForgotPasswordAsync(request ?? new ForgotPasswordRequest(), t), cancellationToken);
        if (completed)
        {
            Navigate(Validated(result.RedirectTo, "ForgotPasswordAsync RedirectTo"), NavigationKind.Replace);
        }

        Notify(AuthAction.ForgotPassword, result);
        return result;
    }

    /// <summary>
    /// Updates the password (refine's useUpdatePassword). The current URL's query parameters (for example a reset
    /// code) are merged into <see cref="AuthRequest.Extra"/>, and the request's own values win. Goes (replace) to
    /// RedirectTo whatever the outcome; no invalidation.
    /// </summary>
    public async Task<AuthActionResult> UpdatePasswordAsync(UpdatePasswordRequest? request = null, CancellationToken cancellationToken = default)
    {
        var provider = RequireProvider();
        if (!provider.Features.HasFlag(AuthFeatures.UpdatePassword))
        {
            return NotSupported(AuthAction.UpdatePassword, nameof(AuthProvider.UpdatePasswordAsync));
        }

        var merged = WithUrlParameters(request ?? new UpdatePasswordRequest());
        var (result, completed) = await RunAsync(nameof(AuthProvider.UpdatePasswordAsync), t => provider.UpdatePasswordAsync(merged, t), cancellationToken);
        if (completed)
        {
            Navigate(Validated(result.RedirectTo, "UpdatePasswordAsync RedirectTo"), NavigationKind.Replace);
        }

        Notify(AuthAction.UpdatePassword, result);
        return result;
    }

    private Task<AuthActionResult> LogoutCoreAsync(
        AuthProvider provider,
        LogoutRequest request,
        CancellationToken cancellationToken)
    {
        // Ends the session synchronously, before the first await, so code that checks HasSessionEnded next sees it.
        EndCurrentSession();
        Telemetry.RefineTelemetry.Logout("user");
        return LogoutCoreAsync(provider, request, returnPath: null, cancellationToken);
    }

    /// <summary>Marks the current session as ended (a logout is under way); the caller then runs the logout.</summary>
    private void EndCurrentSession() => Interlocked.Exchange(ref _endedSession, Interlocked.Increment(ref _session));

    /// <summary>Runs a logout whose session <see cref="EndCurrentSession"/> has already ended.</summary>
    private async Task<AuthActionResult> LogoutCoreAsync(
        AuthProvider provider,
        LogoutRequest request,
        string? returnPath,
        CancellationToken cancellationToken)
    {
        var invalidated = false;
        try
        {
            var (result, completed) = await RunAsync(nameof(AuthProvider.LogoutAsync), t => provider.LogoutAsync(request, t), cancellationToken);

            var target = completed && !request.SuppressRedirect
                ? ReturnPaths.AppendUnlessOnTarget(
                    Validated(request.RedirectPath, "LogoutRequest.RedirectPath") ?? Validated(result.RedirectTo, "LogoutAsync RedirectTo"),
                    _options.ReturnPathParameter,
                    returnPath)
                : null;

            // Fail closed: whatever the provider said, nothing cached from the old session survives a logout.
            invalidated = true;
            Invalidate(AuthChangeReason.Logout, target);
            Navigate(target, NavigationKind.Push);

            Notify(AuthAction.Logout, result);
            return result;
        }
        finally
        {
            // The caller cancelled (or something threw) before the provider answered: the session is over all the
            // same, so nothing cached from it may survive. No redirect: the caller has stopped waiting for one.
            if (!invalidated)
            {
                Invalidate(AuthChangeReason.Logout);
            }
        }
    }

    /// <summary>Calls one action; a throw, null or timeout becomes a failed result, and "completed" says whether the provider really answered.</summary>
    private async Task<(AuthActionResult Result, bool Completed)> RunAsync(
        string member,
        Func<CancellationToken, Task<AuthActionResult>> call,
        CancellationToken cancellationToken)
    {
        var outcome = await _invoker.InvokeAsync(member, call, cancellationToken);
        return outcome.HasValue
            ? (outcome.Value!, true)
            : (AuthActionResult.Fail(ErrorFor(outcome)), false);
    }

    private AuthActionResult NotSupported(AuthAction action, string member)
    {
        Log.NotSupported(_logger, member);
        var result = AuthActionResult.Fail(_texts[TextKeys.NotSupportedTitle], _texts[action.NotSupportedText!]);
        Notify(action, result);
        return result;
    }

    private UpdatePasswordRequest WithUrlParameters(UpdatePasswordRequest request)
    {
        var fromUrl = QueryString.Parse(SafeCurrentUri());
        if (fromUrl.Count == 0)
        {
            return request;
        }

        var merged = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (key, value) in fromUrl)
        {
            merged[key] = value;
        }

        foreach (var (key, value) in request.Extra)
        {
            merged[key] = value;
        }

        return request with { Extra = merged };
    }
}
