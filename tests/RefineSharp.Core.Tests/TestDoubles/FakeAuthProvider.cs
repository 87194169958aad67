namespace RefineSharp.Tests.TestDoubles;

/// <summary>
/// A hand-written provider that implements all nine members: each runs a settable delegate (defaults: success,
/// authenticated, no identity, no permissions) and is recorded.
/// </summary>
public sealed class FakeAuthProvider : RequiredOnlyAuthProvider
{
    public Func<RegisterRequest, CancellationToken, Task<AuthActionResult>> Register { get; set; } = (_, _) => Task.FromResult(AuthActionResult.Ok());

    public Func<ForgotPasswordRequest, CancellationToken, Task<AuthActionResult>> ForgotPassword { get; set; } = (_, _) => Task.FromResult(AuthActionResult.Ok());

    public Func<UpdatePasswordRequest, CancellationToken, Task<AuthActionResult>> UpdatePassword { get; set; } = (_, _) => Task.FromResult(AuthActionResult.Ok());

    public Func<IdentityRequest, CancellationToken, Task<object?>> Identity { get; set; } = (_, _) => Task.FromResult<object?>(null);

    public Func<PermissionsRequest, CancellationToken, Task<object?>> Permissions { get; set; } = (_, _) => Task.FromResult<object?>(null);

    public override void SetFault(string member, ProviderFault fault)
    {
        switch (member)
        {
            case nameof(RegisterAsync): Register = Faulted<RegisterRequest, AuthActionResult>(fault); break;
            case nameof(ForgotPasswordAsync): ForgotPassword = Faulted<ForgotPasswordRequest, AuthActionResult>(fault); break;
            case nameof(UpdatePasswordAsync): UpdatePassword = Faulted<UpdatePasswordRequest, AuthActionResult>(fault); break;
            case nameof(GetIdentityAsync): Identity = Faulted<IdentityRequest, object?>(fault); break;
            case nameof(GetPermissionsAsync): Permissions = Faulted<PermissionsRequest, object?>(fault); break;
            default: base.SetFault(member, fault); break;
        }
    }

    public override Task<AuthActionResult> RegisterAsync(RegisterRequest request, CancellationToken cancellationToken = default) =>
        Record(nameof(RegisterAsync), request, cancellationToken, Register);

    public override Task<AuthActionResult> ForgotPasswordAsync(ForgotPasswordRequest request, CancellationToken cancellationToken = default) =>
        Record(nameof(ForgotPasswordAsync), request, cancellationToken, ForgotPassword);

    public override Task<AuthActionResult> UpdatePasswordAsync(UpdatePasswordRequest request, CancellationToken cancellationToken = default) =>
        Record(nameof(UpdatePasswordAsync), request, cancellationToken, UpdatePassword);

    public override Task<object?> GetIdentityAsync(IdentityRequest request, CancellationToken cancellationToken = default) =>
        Record(nameof(GetIdentityAsync), request, cancellationToken, Identity);

    public override Task<object?> GetPermissionsAsync(PermissionsRequest request, CancellationToken cancellationToken = default) =>
        Record(nameof(GetPermissionsAsync), request, cancellationToken, Permissions);
}
