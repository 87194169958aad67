namespace RefineSharp.Testing;

/// <summary>
/// A fake provider with every optional member (register, forgot and update password, identity, permissions), so
/// the engine and the pages treat all flows as supported. Configure its answers, then read <see cref="FakeAuthProviderBase.Calls"/>.
/// </summary>
public sealed class FakeAuthProvider : FakeAuthProviderBase
{
    /// <summary>Replaces <see cref="FakeAuthProviderBase.RegisterResult"/> with your own code.</summary>
    public Func<RegisterRequest, CancellationToken, Task<AuthActionResult>>? RegisterHandler { get; set; }

    /// <summary>Replaces <see cref="FakeAuthProviderBase.ForgotPasswordResult"/> with your own code.</summary>
    public Func<ForgotPasswordRequest, CancellationToken, Task<AuthActionResult>>? ForgotPasswordHandler { get; set; }

    /// <summary>Replaces <see cref="FakeAuthProviderBase.UpdatePasswordResult"/> with your own code.</summary>
    public Func<UpdatePasswordRequest, CancellationToken, Task<AuthActionResult>>? UpdatePasswordHandler { get; set; }

    /// <summary>Replaces <see cref="FakeAuthProviderBase.Identity"/> with your own code.</summary>
    public Func<IdentityRequest, CancellationToken, Task<object?>>? IdentityHandler { get; set; }

    /// <summary>Replaces <see cref="FakeAuthProviderBase.Permissions"/> with your own code.</summary>
    public Func<PermissionsRequest, CancellationToken, Task<object?>>? PermissionsHandler { get; set; }

    /// <inheritdoc />
    public override Task<AuthActionResult> RegisterAsync(RegisterRequest request, CancellationToken cancellationToken = default) =>
        AnswerAsync(nameof(RegisterAsync), request, RegisterHandler, RegisterResult, cancellationToken);

    /// <inheritdoc />
    public override Task<AuthActionResult> ForgotPasswordAsync(ForgotPasswordRequest request, CancellationToken cancellationToken = default) =>
        AnswerAsync(nameof(ForgotPasswordAsync), request, ForgotPasswordHandler, ForgotPasswordResult, cancellationToken);

    /// <inheritdoc />
    public override Task<AuthActionResult> UpdatePasswordAsync(UpdatePasswordRequest request, CancellationToken cancellationToken = default) =>
        AnswerAsync(nameof(UpdatePasswordAsync), request, UpdatePasswordHandler, UpdatePasswordResult, cancellationToken);

    /// <inheritdoc />
    public override Task<object?> GetIdentityAsync(IdentityRequest request, CancellationToken cancellationToken = default) =>
        AnswerAsync(nameof(GetIdentityAsync), request, IdentityHandler, Identity, cancellationToken);

    /// <inheritdoc />
    public override Task<object?> GetPermissionsAsync(PermissionsRequest request, CancellationToken cancellationToken = default) =>
        AnswerAsync(nameof(GetPermissionsAsync), request, PermissionsHandler, Permissions, cancellationToken);
}
