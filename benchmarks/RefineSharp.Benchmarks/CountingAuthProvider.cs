namespace RefineSharp.Benchmarks;

/// <summary>A provider that answers after yielding once (so concurrent reads really overlap) and counts its calls.</summary>
public sealed class CountingAuthProvider : AuthProvider
{
    private static readonly UserIdentity Identity = new() { Id = "1", Name = "Ann", Email = "ann@example.com", Roles = ["admin"] };
    private int _identityCalls;
    private int _checkCalls;

    public int IdentityCalls => Volatile.Read(ref _identityCalls);

    public int CheckCalls => Volatile.Read(ref _checkCalls);

    public override Task<AuthActionResult> LoginAsync(LoginRequest request, CancellationToken cancellationToken = default) =>
        Task.FromResult(AuthActionResult.Ok());

    public override Task<AuthActionResult> LogoutAsync(LogoutRequest request, CancellationToken cancellationToken = default) =>
        Task.FromResult(AuthActionResult.Ok());

    public override async Task<CheckResult> CheckAsync(CheckRequest request, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _checkCalls);
        await Task.Yield();
        return CheckResult.Ok();
    }

    public override Task<OnErrorResult> OnErrorAsync(OnErrorRequest request, CancellationToken cancellationToken = default) =>
        Task.FromResult(OnErrorResult.Ignore());

    public override async Task<object?> GetIdentityAsync(IdentityRequest request, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _identityCalls);
        await Task.Yield();
        return Identity;
    }
}
