using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace RefineSharp.Providers.InMemory;

/// <summary>
/// refine's "auth-headless" example as a real provider: users live in the app-wide <see cref="InMemoryUserStore"/>,
/// the signed-in user lives in this (scoped) provider, so each circuit or browser app has its own session.
/// For demos and tests only: nothing survives a restart.
/// </summary>
public sealed class InMemoryAuthProvider : AuthProvider
{
    private static readonly string[] SocialProviders = ["google", "github"];

    private readonly InMemoryUserStore _store;
    private readonly InMemoryAuthOptions _options;
    private readonly ILogger _logger;
    private volatile UserIdentity? _current;

    /// <summary>Creates a provider (one per session) over the shared <paramref name="store"/>.</summary>
    public InMemoryAuthProvider(InMemoryUserStore store, IOptions<InMemoryAuthOptions> options, ILogger<InMemoryAuthProvider>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(options);
        _store = store;
        _options = options.Value;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <summary>
    /// Signs in with email and password. A <see cref="LoginRequest.ProviderName"/> of "google" or "github" is a
    /// <b>stubbed social login for demos</b>: it succeeds at once as a made-up demo user, without any OAuth round trip.
    /// </summary>
    public override Task<AuthActionResult> LoginAsync(LoginRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ProviderName is { } providerName)
        {
            return Task.FromResult(SocialSignIn(providerName, "Login Error"));
        }

        var user = _store.Verify(request.Email, request.Password);
        if (user is null)
        {
            Log.LoginFailed(_logger);
            return Task.FromResult(AuthActionResult.Fail("Login Error", "Invalid email or password."));
        }

        _current = user.ToIdentity();
        return Task.FromResult(AuthActionResult.Ok(_options.HomePath));
    }

    /// <summary>Ends the session and goes to the login page.</summary>
    public override Task<AuthActionResult> LogoutAsync(LogoutRequest request, CancellationToken cancellationToken = default)
    {
        _current = null;
        return Task.FromResult(AuthActionResult.Ok(_options.LoginPath));
    }

    /// <summary>Authenticated while a session exists; otherwise asks the guard to log out and go to the login page.</summary>
    public override Task<CheckResult> CheckAsync(CheckRequest request, CancellationToken cancellationToken = default) =>
        Task.FromResult(_current is null
            ? CheckResult.Fail(_options.LoginPath, logout: true, new AuthError("Not authenticated", "Check failed"))
            : CheckResult.Ok());

    /// <summary>401 logs out to the login page; 403 stays signed in and reports the error; anything else is ignored.</summary>
    public override Task<OnErrorResult> OnErrorAsync(OnErrorRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Task.FromResult(request.StatusCode switch
        {
            401 => OnErrorResult.LogoutTo(_options.LoginPath),
            403 => new OnErrorResult { Error = new AuthError("Forbidden", "You are not allowed to do this.") },
            _ => OnErrorResult.Ignore(),
        });
    }

    /// <summary>Creates an account and signs it in; an email that is taken fails. "google"/"github" is a stubbed social sign-up (demos only).</summary>
    public override Task<AuthActionResult> RegisterAsync(RegisterRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ProviderName is { } providerName)
        {
            return Task.FromResult(SocialSignIn(providerName, "Register Error"));
        }

        if (string.IsNullOrWhiteSpace(request.Email) || string.IsNullOrEmpty(request.Password))
        {
            return Task.FromResult(AuthActionResult.Fail("Register Error", "Email and password are required."));
        }

        if (!_store.TryAdd(request.Email, request.Password, request.GetExtraString("name"), null, []))
        {
            return Task.FromResult(AuthActionResult.Fail("Register Error", "An account with this email already exists."));
        }

        _current = _store.Find(request.Email)!.ToIdentity();
        return Task.FromResult(AuthActionResult.Ok(_options.HomePath));
    }

    /// <summary>
    /// Puts a reset code into <see cref="InMemoryUserStore.Outbox"/> when the account exists. Answers the same either
    /// way, so the form cannot be used to find out which emails have accounts.
    /// </summary>
    public override Task<AuthActionResult> ForgotPasswordAsync(ForgotPasswordRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrWhiteSpace(request.Email))
        {
            return Task.FromResult(AuthActionResult.Fail("Forgot Password Error", "Email is required."));
        }

        _store.SendResetCode(request.Email);
        Log.ResetRequested(_logger);
        return Task.FromResult(AuthActionResult.Ok(_options.LoginPath) with
        {
            SuccessNotification = new SuccessNotification("Reset instructions sent", "If an account exists for this email, it has received a reset code."),
        });
    }

    /// <summary>
    /// Sets a new password: with a reset code (<c>Extra["code"]</c> and <c>Extra["email"]</c>, from the reset link)
    /// or, signed in, for the current user. Password and ConfirmPassword must match.
    /// </summary>
    public override Task<AuthActionResult> UpdatePasswordAsync(UpdatePasswordRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrEmpty(request.Password) || request.Password != request.ConfirmPassword)
        {
            return Task.FromResult(AuthActionResult.Fail("Update Password Error", "The passwords do not match."));
        }

        if (request.GetExtraString("code") is { } code)
        {
            var email = request.GetExtraString("email");
            return Task.FromResult(email is not null && _store.TryResetPassword(email, code, request.Password)
                ? AuthActionResult.Ok(_options.LoginPath)
                : AuthActionResult.Fail("Update Password Error", "The reset code is invalid or has expired."));
        }

        var user = _current?.Email is { } current ? _store.Find(current) : null;
        if (user is null)
        {
            return Task.FromResult(AuthActionResult.Fail("Update Password Error", "Sign in, or use the link from the reset message."));
        }

        if (request.CurrentPassword is not null && !user.Password.Matches(request.CurrentPassword))
        {
            return Task.FromResult(AuthActionResult.Fail("Update Password Error", "The current password is wrong."));
        }

        _store.SetPassword(user, request.Password);
        return Task.FromResult(AuthActionResult.Ok());
    }

    /// <summary>The signed-in user as a <see cref="UserIdentity"/>, or null.</summary>
    public override Task<object?> GetIdentityAsync(IdentityRequest request, CancellationToken cancellationToken = default) =>
        Task.FromResult<object?>(_current);

    /// <summary>The signed-in user's roles (an <see cref="IReadOnlyList{T}"/> of strings), or null.</summary>
    public override Task<object?> GetPermissionsAsync(PermissionsRequest request, CancellationToken cancellationToken = default) =>
        Task.FromResult<object?>(_current?.Roles);

    private AuthActionResult SocialSignIn(string providerName, string errorName)
    {
        var name = providerName.ToLowerInvariant();
        if (!SocialProviders.Contains(name))
        {
            return AuthActionResult.Fail(errorName, $"The sign-in provider '{providerName}' is not available.");
        }

        Log.SocialLoginStubbed(_logger, name);
        _current = new UserIdentity
        {
            Id = name + ":demo",
            Name = char.ToUpperInvariant(name[0]) + name[1..] + " demo user",
            Email = "demo@" + name + ".example",
            Roles = ["user"],
        };
        return AuthActionResult.Ok(_options.HomePath);
    }
}
