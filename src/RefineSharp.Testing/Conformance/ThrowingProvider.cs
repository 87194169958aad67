namespace RefineSharp.Testing.Conformance;

/// <summary>
/// The provider under test with a switch that makes its queries throw, as a provider whose server or store fails
/// would; the exception's text looks like configuration on purpose, so a leak to the page would be seen.
/// </summary>
internal sealed class ThrowingProvider(AuthProvider inner) : AuthProvider
{
    public const string FaultText = "injected fault: db.internal:5432 refused the connection";

    public volatile bool Faulted;

    public override Task<AuthActionResult> LoginAsync(LoginRequest request, CancellationToken cancellationToken = default) =>
        Faulted ? throw new InvalidOperationException(FaultText) : inner.LoginAsync(request, cancellationToken);

    public override Task<AuthActionResult> LogoutAsync(LogoutRequest request, CancellationToken cancellationToken = default) =>
        inner.LogoutAsync(request, cancellationToken);

    public override Task<CheckResult> CheckAsync(CheckRequest request, CancellationToken cancellationToken = default) =>
        Faulted ? throw new InvalidOperationException(FaultText) : inner.CheckAsync(request, cancellationToken);

    public override Task<OnErrorResult> OnErrorAsync(OnErrorRequest request, CancellationToken cancellationToken = default) =>
        inner.OnErrorAsync(request, cancellationToken);
}
