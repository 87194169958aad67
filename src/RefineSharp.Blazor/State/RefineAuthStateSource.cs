using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace RefineSharp.Blazor;

/// <summary>
/// The one source of the auth state of this circuit or browser app (ADR 0007): one <see cref="RefineAuthState"/>
/// snapshot holding the check's answer, the identity and the permissions under a single
/// <see cref="RefineAuthState.Version"/>. It asks the engine once the scope renders interactively, and once again
/// after every auth state change; everything else (the cascaded state, <c>AuthorizeView</c>'s principal,
/// <see cref="Authenticated"/>, <see cref="AuthIdentity{TIdentity}"/>, <see cref="AuthPermissions{TPermissions}"/>) is
/// derived from the snapshot. Nothing is asked during prerendering unless the provider can answer there
/// (<see cref="RefineBlazorOptions.ResolveDuringPrerender"/>): the state stays <see cref="RefineAuthState.Unknown"/>.
/// </summary>
public sealed class RefineAuthStateSource : IDisposable
{
    private readonly AuthManager _auth;
    private readonly InteractivityMonitor _interactivity;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private Task<RefineAuthState>? _pending;

    // The one version counter: the number of the latest change seen. Snapshots carry the number they answer.
    private long _version = 1;
    private string? _redirectingTo;
    private RefineAuthState _current = RefineAuthState.Unknown;
    private bool _disposed;
    private PersistingComponentStateSubscription? _handoff;

    internal RefineAuthStateSource(
        AuthManager auth,
        InteractivityMonitor interactivity,
        ILogger<RefineAuthStateSource>? logger = null,
        PersistentComponentState? persisted = null,
        bool? inBrowser = null)
    {
        _auth = auth;
        _interactivity = interactivity;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        if (persisted is not null)
        {
            StartHandoff(persisted, inBrowser ?? OperatingSystem.IsBrowser());
        }

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

    /// <summary>
    /// Raised after a newer snapshot has become <see cref="Current"/> (possibly off the renderer's thread). Handlers
    /// read <see cref="Current"/> and keep it only when its version is higher than what they show: two raises from
    /// two threads may arrive out of order, the versions never do.
    /// </summary>
    public event EventHandler<RefineAuthState>? Changed;

    /// <summary>The newest snapshot worked out (<see cref="RefineAuthState.Unknown"/> until the first check answers).</summary>
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

    /// <summary>The number of the latest change seen (the version its snapshot will carry).</summary>
    internal long LatestVersion
    {
        get
        {
            lock (_gate)
            {
                return _version;
            }
        }
    }

    /// <summary>
    /// True while a change newer than <paramref name="state"/> is being worked out (for example the login whose
    /// navigation mounted the caller): the snapshot may still be shown, but nothing may be decided on it.
    /// </summary>
    internal bool IsSuperseded(RefineAuthState state)
    {
        lock (_gate)
        {
            return state.Version < _version;
        }
    }

    /// <summary>
    /// Returns the snapshot that answers the latest change, asking the engine when it is not known yet (one load
    /// per change, shared by every caller); <see cref="RefineAuthState.Unknown"/> during prerendering.
    /// </summary>
    public Task<RefineAuthState> GetStateAsync()
    {
        if (!_interactivity.IsInteractive)
        {
            return Task.FromResult(RefineAuthState.Unknown);
        }

        lock (_gate)
        {
            return _pending ??= LoadAsync(_version);
        }
    }

    /// <summary>Stops following the auth state.</summary>
    public void Dispose()
    {
        Volatile.Write(ref _disposed, true);
        _handoff?.Dispose();
        _auth.AuthStateChanged -= OnAuthStateChanged;
        _interactivity.BecameInteractive -= OnBecameInteractive;
    }

    private void StartHandoff(PersistentComponentState persisted, bool inBrowser)
    {
        if (!inBrowser)
        {
            // Only a prerender that asked the provider (server-side sessions) has a snapshot worth handing over.
            if (_interactivity.IsInteractive)
            {
                try
                {
                    _handoff = AuthStateHandoff.Register(persisted, () => Current);
                }
                catch (InvalidOperationException)
                {
                    // Created while the state is being persisted (the render is over): there is nothing left to hand over.
                }
            }

            return;
        }

        if (AuthStateHandoff.TryTake(persisted) is { } seed)
        {
            // The prerender's answer, shown until the first check answers (ADR 0007). It is version 1 and the check
            // answers version 2: every consumer replaces the seed with the answer, and the seed is "superseded", so
            // no guard redirects or logs out on it. It never grants anything: the host decides all data access.
            _version = 2;
            _current = seed with { Version = 1 };
        }
    }

    private void OnBecameInteractive() => _ = GetStateAsync();

    private void OnAuthStateChanged(object? sender, AuthStateChangedEventArgs e)
    {
        lock (_gate)
        {
            _version++;
            _pending = null;

            // Remember a navigation of the engine until a snapshot carries it: a later change that is worked out
            // together with this one (the first answer is stale) must still keep the guards from redirecting too.
            _redirectingTo = e.RedirectingTo ?? _redirectingTo;
        }

        _ = GetStateAsync();
    }

    private async Task<RefineAuthState> LoadAsync(long version)
    {
        // Leave the caller's lock and stack first: the provider may raise AuthStateChanged synchronously.
        await Task.Yield();
        if (Volatile.Read(ref _disposed))
        {
            // The scope ended before anyone needed the answer (a server-rendered request is over): ask nothing.
            return RefineAuthState.Unknown;
        }

        var state = await BuildAsync();
        if (Volatile.Read(ref _disposed))
        {
            return RefineAuthState.Unknown;
        }

        lock (_gate)
        {
            if (version == _version)
            {
                state = state with { Version = version, RedirectingTo = _redirectingTo };
                _redirectingTo = null;
                _current = state;
            }
            else
            {
                state = RefineAuthState.Unknown;
            }
        }

        if (state.IsLoading)
        {
            // A newer change came in while this one was worked out: this answer is stale, so it is never published;
            // the caller gets the answer to the newest change instead.
            return await GetStateAsync();
        }

        Changed?.Invoke(this, state);
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
                return new RefineAuthState { Status = AuthStatus.Unauthenticated, Check = CheckResult.Fail() };
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
