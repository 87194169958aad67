namespace RefineSharp;

public sealed partial class AuthManager
{
    /// <summary>The key of the notification shown when a session ends without the user asking (expired or revoked).</summary>
    public const string SessionEndedKey = "session-ended";

    /// <summary>
    /// Hands an error from a data call to the provider (refine's useOnError). <c>Logout</c> logs out with
    /// RedirectPath = RedirectTo; otherwise a RedirectTo is followed (replace). Concurrent errors that ask for logout
    /// cause one logout, and an error from a session that has already ended causes neither a logout nor a redirect. A provider that throws
    /// here fails silently, as in refine.
    /// </summary>
    public Task<OnErrorResult> OnErrorAsync(OnErrorRequest? request = null, CancellationToken cancellationToken = default) =>
        OnErrorAsync(request, CurrentSession, cancellationToken);

    /// <summary>Identifies the current sign-in session; every login, register and logout starts a new one.</summary>
    internal long CurrentSession => Interlocked.Read(ref _session);

    /// <summary>
    /// True when no login or registration happened since the last logout. A logout sets it synchronously, before its
    /// first await, so code on the same dispatcher that checks it and then logs out never logs out twice.
    /// </summary>
    internal bool HasSessionEnded => CurrentSession == Interlocked.Read(ref _endedSession);

    /// <summary>
    /// Handles an error met by a call made during <paramref name="session"/> (the <see cref="AuthErrorHandler"/> reads it
    /// before sending), so a late 401 from a session that has already ended causes no second logout.
    /// </summary>
    internal async Task<OnErrorResult> OnErrorAsync(OnErrorRequest? request, long session, CancellationToken cancellationToken)
    {
        var provider = RequireProvider();

        // Read before anything navigates: after an expired session the user should come back to this page.
        var returnPath = _options.ReturnToPageAfterSessionEnds ? ReturnPaths.ForSessionEnd(SafeCurrentUri()) : null;
        var outcome = await _invoker.InvokeAsync(nameof(AuthProvider.OnErrorAsync), t => provider.OnErrorAsync(request ?? new OnErrorRequest(), t), cancellationToken);
        if (!outcome.HasValue)
        {
            return new OnErrorResult { Error = ErrorFor(outcome) };
        }

        var result = outcome.Value!;
        if (result.Logout)
        {
            // Validated before the provider sees it: a provider may hand RedirectPath on (for example to an identity server).
            await LogoutOnceAsync(provider, session, Validated(result.RedirectTo, "OnErrorAsync RedirectTo"), returnPath, cancellationToken);
        }
        else if (session == CurrentSession)
        {
            // Only for the live session: after a logout or login during the call (for example a failed token refresh
            // that ended the session), a late redirect would overwrite where that went, such as the login page's ?to=.
            Navigate(Validated(result.RedirectTo, "OnErrorAsync RedirectTo"), NavigationKind.Replace);
        }

        return result;
    }

    /// <summary>
    /// Ends the session because it expired or was revoked, not because the user asked (for example a token refresh
    /// failed): logs out once, joining a logout that is already running, and the redirect carries the current page as
    /// <c>?to=</c> (see <see cref="RefineOptions.ReturnToPageAfterSessionEnds"/>).
    /// </summary>
    public Task EndSessionAsync(CancellationToken cancellationToken = default)
    {
        var provider = RequireProvider();

        if (HasSessionEnded)
        {
            return Task.CompletedTask;
        }

        var returnPath = _options.ReturnToPageAfterSessionEnds ? ReturnPaths.ForSessionEnd(SafeCurrentUri()) : null;
        return LogoutOnceAsync(provider, CurrentSession, redirectTo: null, returnPath, cancellationToken);
    }

    /// <summary>
    /// Ends the session after a token refresh failed, unless a sign-in has replaced it meanwhile. The session number is
    /// read before the store: a login that stored new tokens before that read is seen in the store, and one that
    /// stores them after it belongs to a newer session, which the logout then leaves alone.
    /// </summary>
    internal async Task EndSessionAfterFailedRefreshAsync(Tokens.ITokenStore store, CancellationToken cancellationToken = default)
    {
        var provider = RequireProvider();
        var session = CurrentSession;
        if (HasSessionEnded || await store.GetAsync(cancellationToken) is not null)
        {
            return;
        }

        var returnPath = _options.ReturnToPageAfterSessionEnds ? ReturnPaths.ForSessionEnd(SafeCurrentUri()) : null;
        await LogoutOnceAsync(provider, session, redirectTo: null, returnPath, cancellationToken);
    }

    /// <summary>
    /// Starts the session's one error logout, or joins the one already running. The shared logout has its own
    /// lifetime (bounded by <see cref="RefineOptions.ProviderTimeout"/>): a caller's token only ends that caller's
    /// wait, never the logout the other callers wait for. The logout is published under the lock and started
    /// outside it, so no provider or event-handler code runs while the lock is held.
    /// </summary>
    private Task LogoutOnceAsync(AuthProvider provider, long session, string? redirectTo, string? returnPath, CancellationToken cancellationToken)
    {
        TaskCompletionSource<AuthActionResult> shared;
        lock (_sessionGate)
        {
            if (_errorLogout is { IsCompleted: false } running)
            {
                return running.WaitAsync(cancellationToken);
            }

            // The session this error belongs to has already ended (a logout or login happened since, or it is the
            // number a finished logout left behind): nothing to do.
            if (session != Interlocked.Read(ref _session) || session == Interlocked.Read(ref _endedSession))
            {
                return Task.CompletedTask;
            }

            // A sign-in is running: let it finish, then look again (it will usually have started a new session).
            if (WhenNoSignInAsync() is { } signIn)
            {
                return RetryAfterSignInAsync(signIn, provider, session, redirectTo, returnPath, cancellationToken);
            }

            // Ended here, under the lock, so later errors of this session see it and join instead of logging out again.
            EndCurrentSession();
            shared = new TaskCompletionSource<AuthActionResult>(TaskCreationOptions.RunContinuationsAsynchronously);
            _errorLogout = shared.Task;
        }

        _ = RunSharedLogoutAsync(shared, provider, new LogoutRequest { RedirectPath = redirectTo }, returnPath);
        return shared.Task.WaitAsync(cancellationToken);
    }

    private async Task RetryAfterSignInAsync(Task signIn, AuthProvider provider, long session, string? redirectTo, string? returnPath, CancellationToken cancellationToken)
    {
        await signIn.WaitAsync(cancellationToken);
        await LogoutOnceAsync(provider, session, redirectTo, returnPath, cancellationToken);
    }

    private async Task RunSharedLogoutAsync(TaskCompletionSource<AuthActionResult> shared, AuthProvider provider, LogoutRequest request, string? returnPath)
    {
        try
        {
            shared.TrySetResult(await EndSessionCoreAsync(provider, request, returnPath));
        }
        catch (Exception ex)
        {
            // Not expected (the invoker turns provider failures into results); surfaced to every waiter all the same.
            shared.TrySetException(ex);
        }
    }

    private async Task<AuthActionResult> EndSessionCoreAsync(AuthProvider provider, LogoutRequest request, string? returnPath)
    {
        // The user did not ask to leave: say why they are on the login page. Opened before the logout navigates, so
        // a navigator that leaves the page (a full page load to a static sign-in page) can carry it along.
        SafeNotify(SessionEndedKey, n => n.Open(new AuthNotification(
            SessionEndedKey, NotificationType.Error, _texts[TextKeys.SessionEndedTitle], _texts[TextKeys.SessionEndedDescription])));
        Telemetry.RefineTelemetry.Logout("session_ended");
        Telemetry.RefineTelemetry.SessionEnded();
        return await LogoutCoreAsync(provider, request, returnPath, CancellationToken.None);
    }
}
