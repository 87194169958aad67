namespace RefineSharp.Providers.InMemory.Tests.Behaviour;

/// <summary>The C# twin of refine's auth-provider tutorial object: one known account, the session in a field.</summary>
public sealed class TutorialAuthProvider(string email, string password, UserIdentity user) : AuthProvider
{
    private UserIdentity? _user;

    public override Task<AuthActionResult> LoginAsync(LoginRequest request, CancellationToken cancellationToken = default)
    {
        if (request.Email == email && request.Password == password)
        {
            _user = user;
            return Task.FromResult(AuthActionResult.Ok("/"));
        }

        return Task.FromResult(AuthActionResult.Fail("Login Error", "Invalid email or password."));
    }

    public override Task<AuthActionResult> LogoutAsync(LogoutRequest request, CancellationToken cancellationToken = default)
    {
        _user = null;
        return Task.FromResult(AuthActionResult.Ok("/login"));
    }

    public override Task<CheckResult> CheckAsync(CheckRequest request, CancellationToken cancellationToken = default) =>
        Task.FromResult(_user is null ? CheckResult.Fail("/login", logout: true, new AuthError("Not authenticated", "Check failed")) : CheckResult.Ok());

    public override Task<OnErrorResult> OnErrorAsync(OnErrorRequest request, CancellationToken cancellationToken = default) =>
        Task.FromResult(request.StatusCode == 401 ? OnErrorResult.LogoutTo("/login") : OnErrorResult.Ignore());

    public override Task<object?> GetIdentityAsync(IdentityRequest request, CancellationToken cancellationToken = default) =>
        Task.FromResult<object?>(_user);

    public override Task<object?> GetPermissionsAsync(PermissionsRequest request, CancellationToken cancellationToken = default) =>
        Task.FromResult<object?>(_user?.Roles);
}
