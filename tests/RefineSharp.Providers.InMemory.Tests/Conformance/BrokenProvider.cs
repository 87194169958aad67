namespace RefineSharp.Providers.InMemory.Tests.Conformance;

/// <summary>One way a provider can break refine's contract; <see cref="Breakage.None"/> is a provider that keeps it.</summary>
public enum Breakage
{
    None,
    AlwaysAuthenticated,
    LeaksInternalsOnWrongPassword,
    OpenRedirectAfterLogin,
    TellsWhichAccountsExist,
    ThrowsOnHugeEmail,
    SignsInOnInjection,
    SignedOutCheckWithoutRedirect,
    ForgetsSessionAfterFirstCheck,
    IgnoresEndedSession,
    LogoutKeepsSession,
    LogoutThrowsWhenSignedOut,
    IdentityWithoutId,
    IdentityLingersAfterLogout,
    WrongPermissions,
    PermissionsLingerAfterLogout,
    IgnoresUnauthorized,
    ForbiddenLogsOut,
    ServerErrorLogsOut,
    SwallowsBackendFailure,
    RegisterThrowsOnEmptyRequest,
    NotThreadSafe,
}

/// <summary>
/// A small provider with a pretend backend, correct unless told to break one rule: the conformance suite must pass
/// it as <see cref="Breakage.None"/> and fail it for every other value.
/// </summary>
public sealed class BrokenProvider(Breakage breakage) : AuthProvider
{
    public const string Email = "ann@example.com";
    public const string Password = "correct horse battery";

    private int _inFlight;
    private int _checks;
    private volatile string? _user;
    private volatile string? _cachedRoles;

    /// <summary>The pretend server: it can revoke the session, or fail outright.</summary>
    public bool Revoked { get; set; }

    public bool BackendBroken { get; set; }

    public override Task<AuthActionResult> LoginAsync(LoginRequest request, CancellationToken cancellationToken = default)
    {
        if (breakage == Breakage.ThrowsOnHugeEmail && request.Email?.Length > 500)
        {
            throw new InvalidOperationException("email column overflow");
        }

        var injected = breakage == Breakage.SignsInOnInjection && request.Email?.Contains('\'', StringComparison.Ordinal) == true;
        if (injected || (request.Email == Email && request.Password == Password))
        {
            _user = Email;
            _lastUser = Email;
            _cachedRoles = breakage == Breakage.WrongPermissions ? "admin,root" : "admin,editor";
            Revoked = false;
            return Task.FromResult(AuthActionResult.Ok(breakage == Breakage.OpenRedirectAfterLogin ? "//evil.example/" : "/"));
        }

        if (breakage == Breakage.LeaksInternalsOnWrongPassword && request.Email == Email)
        {
            return Task.FromResult(AuthActionResult.Fail("SqliteException", "Password mismatch for row 1 at 127.0.0.1"));
        }

        var message = breakage == Breakage.TellsWhichAccountsExist && request.Email != Email ? "No account with this email." : "Invalid email or password.";
        return Task.FromResult(AuthActionResult.Fail("Login Error", message));
    }

    public override Task<AuthActionResult> LogoutAsync(LogoutRequest request, CancellationToken cancellationToken = default)
    {
        if (breakage == Breakage.LogoutThrowsWhenSignedOut && _user is null)
        {
            throw new InvalidOperationException("not signed in");
        }

        if (breakage != Breakage.LogoutKeepsSession)
        {
            _user = null;
        }

        return Task.FromResult(AuthActionResult.Ok("/login"));
    }

    public override async Task<CheckResult> CheckAsync(CheckRequest request, CancellationToken cancellationToken = default)
    {
        if (breakage == Breakage.NotThreadSafe && Interlocked.Increment(ref _inFlight) > 1)
        {
            throw new InvalidOperationException("Operations that change non-concurrent collections must have exclusive access.");
        }

        try
        {
            await Task.Delay(breakage == Breakage.NotThreadSafe ? 5 : 0, cancellationToken);
            return SignedIn() ? CheckResult.Ok() : CheckResult.Fail(breakage == Breakage.SignedOutCheckWithoutRedirect ? null : "/login");
        }
        finally
        {
            if (breakage == Breakage.NotThreadSafe)
            {
                Interlocked.Decrement(ref _inFlight);
            }
        }
    }

    public override Task<OnErrorResult> OnErrorAsync(OnErrorRequest request, CancellationToken cancellationToken = default) =>
        Task.FromResult(request.StatusCode switch
        {
            401 when breakage != Breakage.IgnoresUnauthorized => OnErrorResult.LogoutTo("/login"),
            403 when breakage == Breakage.ForbiddenLogsOut => OnErrorResult.LogoutTo("/login"),
            >= 500 when breakage == Breakage.ServerErrorLogsOut => OnErrorResult.LogoutTo("/login"),
            _ => OnErrorResult.Ignore(),
        });

    public override Task<AuthActionResult> RegisterAsync(RegisterRequest request, CancellationToken cancellationToken = default) =>
        breakage == Breakage.RegisterThrowsOnEmptyRequest && request.Email is null
            ? throw new ArgumentNullException(nameof(request), "Email")
            : Task.FromResult(AuthActionResult.Fail("Register Error", "Sign-up is closed."));

    public override Task<object?> GetIdentityAsync(IdentityRequest request, CancellationToken cancellationToken = default)
    {
        var user = breakage == Breakage.IdentityLingersAfterLogout ? _user ?? _lastUser : _user;
        _lastUser = _user ?? _lastUser;
        if (!SignedIn() && breakage != Breakage.IdentityLingersAfterLogout)
        {
            return Task.FromResult<object?>(null);
        }

        return Task.FromResult<object?>(user is null ? null : new UserIdentity { Id = breakage == Breakage.IdentityWithoutId ? "" : "1", Email = user, Name = "Ann" });
    }

    public override Task<object?> GetPermissionsAsync(PermissionsRequest request, CancellationToken cancellationToken = default)
    {
        if (SignedIn())
        {
            _cachedRoles = breakage == Breakage.WrongPermissions ? "admin,root" : "admin,editor";
        }
        else if (breakage != Breakage.PermissionsLingerAfterLogout)
        {
            _cachedRoles = null;
        }

        return Task.FromResult<object?>(_cachedRoles?.Split(','));
    }

    private string? _lastUser;

    private bool SignedIn()
    {
        if (breakage == Breakage.AlwaysAuthenticated)
        {
            return true;
        }

        if (BackendBroken)
        {
            if (breakage == Breakage.SwallowsBackendFailure)
            {
                return _user is not null;
            }

            throw new HttpRequestException("backend down");
        }

        if (breakage == Breakage.ForgetsSessionAfterFirstCheck && Interlocked.Increment(ref _checks) > 1)
        {
            return false;
        }

        return _user is not null && (!Revoked || breakage == Breakage.IgnoresEndedSession);
    }
}
