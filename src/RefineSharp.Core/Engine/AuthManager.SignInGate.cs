namespace RefineSharp;

public sealed partial class AuthManager
{
    // Sign-ins (login, register) in flight; guarded by _sessionGate.
    private int _signInsInFlight;
    private TaskCompletionSource? _signInsDone;

    /// <summary>
    /// Runs a sign-in (login or register) so that it never overlaps the old session's error logout: it waits for a
    /// running one to finish first, and an error logout asked for while it runs waits for it (see
    /// <see cref="WhenNoSignInAsync"/>) and then finds a new session and does nothing. Otherwise a failed refresh of
    /// the old session could clear the tokens that the new sign-in has just stored.
    /// </summary>
    private async Task<T> RunSignInAsync<T>(Func<Task<T>> signIn)
    {
        Task? runningLogout;
        lock (_sessionGate)
        {
            runningLogout = _errorLogout is { IsCompleted: false } logout ? logout : null;
            _signInsInFlight++;
            _signInsDone ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        try
        {
            if (runningLogout is not null)
            {
                // Its outcome belongs to the old session; only its end matters here.
                await runningLogout.ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            }

            return await signIn();
        }
        finally
        {
            TaskCompletionSource? done = null;
            lock (_sessionGate)
            {
                if (--_signInsInFlight == 0)
                {
                    (done, _signInsDone) = (_signInsDone, null);
                }
            }

            done?.TrySetResult();
        }
    }

    /// <summary>Completes when no sign-in is in flight; must be called under <c>_sessionGate</c>. Null when none is.</summary>
    private Task? WhenNoSignInAsync() => _signInsInFlight > 0 ? _signInsDone?.Task : null;
}
