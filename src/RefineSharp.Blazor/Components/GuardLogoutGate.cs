namespace RefineSharp.Blazor;

/// <summary>
/// Makes <see cref="Authenticated"/> honour <see cref="CheckResult.Logout"/> once per session: a provider that keeps
/// answering "log out" for an anonymous user must not cause a logout (and a redirect) on every check, nor a ping-pong
/// between guards or tabs. A login or a registration starts a new session.
/// </summary>
internal sealed class GuardLogoutGate : IDisposable
{
    private readonly AuthManager _auth;
    private int _loggedOut;

    public GuardLogoutGate(AuthManager auth)
    {
        _auth = auth;
        _auth.AuthStateChanged += OnAuthStateChanged;
    }

    /// <summary>True (once) when a guard should log out now; false when this session already ended.</summary>
    public bool TryBegin() => Interlocked.Exchange(ref _loggedOut, 1) == 0;

    public void Dispose() => _auth.AuthStateChanged -= OnAuthStateChanged;

    private void OnAuthStateChanged(object? sender, AuthStateChangedEventArgs e)
    {
        switch (e.Reason)
        {
            case AuthChangeReason.Login or AuthChangeReason.Register:
                Volatile.Write(ref _loggedOut, 0);
                break;
            case AuthChangeReason.Logout:
                Volatile.Write(ref _loggedOut, 1);
                break;
        }
    }
}
