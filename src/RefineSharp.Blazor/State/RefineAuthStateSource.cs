using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace RefineSharp.Blazor;

/// <summary>
/// Keeps the current <see cref="RefineAuthState"/> of this circuit or browser app: runs the check (and, when
/// authenticated, identity and permissions) once the scope renders interactively, and again after every auth state
/// change. Nothing is asked during prerendering: the state stays <see cref="RefineAuthState.Unknown"/> there.
/// </summary>
public sealed class RefineAuthStateSource : IDisposable
{
    private readonly AuthManager _auth;
    private readonly InteractivityMonitor _interactivity;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private Task<RefineAuthState>? _pending;
    private long _generation;
    private RefineAuthState _current = RefineAuthState.Unknown;
    private bool _disposed;

    internal RefineAuthStateSource(AuthManager auth, InteractivityMonitor interactivity, ILogger<RefineAuthStateSource>? logger = null)
    {
        _auth = auth;
        _interactivity = interactivity;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _auth.AuthStateChanged += OnAuthStateChanged;
        _interactivity.BecameInteractive += OnBecameInteractive;
        if (_interactivity.IsInteractive)
        {
            // WebAssembly: the scope was interactive before anyone listened, so BecameInteractive never comes. Start
            // the first load now (it yields before asking the provider); otherwise the cascaded state stays Unknown
            // until something else happens to ask. A prerender scope is never interactive here.
            _ = GetStateAsync();
        }
    }

    /// <summary>Raised with the new state after it has been worked out (possibly off the renderer's thread).</summary>
    public event EventHandler<RefineAuthState>? Changed;

    /// <summary>The last state worked out (<see cref="RefineAuthState.Unknown"/> until the first check answers).</summary>
    public RefineAuthState Current
    {
        get
        {
            lock (_gate)
            {
                return _current;
            }
        }
    }

    /// <summary>Returns the current state, asking the provider when it is not known yet; Unknown during prerendering.</summary>
    public Task<RefineAuthState> GetStateAsync()
    {
        if (!_interactivity.IsInteractive)
        {
            return Task.FromResult(RefineAuthState.Unknown);
        }

        lock (_gate)
        {
            return _pending ??= LoadAsync(_generation);
        }
    }

    /// <summary>Stops following the auth state.</summary>
    public void Dispose()
    {
        Volatile.Write(ref _disposed, true);
        _auth.AuthStateChanged -= OnAuthStateChanged;
        _interactivity.BecameInteractive -= OnBecameInteractive;
    }

    private void OnBecameInteractive() => _ = GetStateAsync();

    private void OnAuthStateChanged(object? sender, AuthStateChangedEventArgs e)
    {
        lock (_gate)
        {
            _generation++;
            _pending = null;
        }

        _ = GetStateAsync();
    }

    private async Task<RefineAuthState> LoadAsync(long generation)
    {
        // Leave the caller's lock and stack first: the provider may raise AuthStateChanged synchronously.
        await Task.Yield();
        if (Volatile.Read(ref _disposed))
        {
            // The scope ended before anyone needed the answer (a server-rendered request is over): ask nothing.
            return RefineAuthState.Unknown;
        }

        var state = await BuildAsync();
        bool changed;
        lock (_gate)
        {
            if (generation != _generation)
            {
                // A newer change is being worked out; this answer is stale.
                return state;
            }

            changed = _current != state;
            _current = state;
        }

        if (changed)
        {
            Changed?.Invoke(this, state);
        }

        return state;
    }

    private async Task<RefineAuthState> BuildAsync()
    {
        try
        {
            if (!_auth.IsProvided)
            {
                // Fail closed (nobody is signed in) and say how to fix it.
                BlazorLog.NoAuthProvider(_logger, "AuthenticationStateProvider");
                return new RefineAuthState { Status = AuthStatus.Unauthenticated };
            }

            var check = await _auth.CheckAsync();
            if (!check.Authenticated)
            {
                return new RefineAuthState { Status = AuthStatus.Unauthenticated, Check = check };
            }

            var identity = await _auth.GetIdentityAsync();
            var permissions = await _auth.GetPermissionsAsync();
            return new RefineAuthState { Status = AuthStatus.Authenticated, Check = check, Identity = identity, Permissions = permissions };
        }
        catch (ObjectDisposedException) when (Volatile.Read(ref _disposed))
        {
            // The scope ended while the answer was being worked out: nobody is waiting for it, and it is no fault.
            return RefineAuthState.Unknown;
        }
        catch (Exception ex)
        {
            // Fail closed: whatever went wrong, nobody is signed in.
            BlazorLog.AuthStateFailed(_logger, ex);
            return new RefineAuthState { Status = AuthStatus.Unauthenticated, Check = CheckResult.Fail(error: AuthError.FromException(ex)) };
        }
    }
}
