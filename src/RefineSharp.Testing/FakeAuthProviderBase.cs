namespace RefineSharp.Testing;

/// <summary>
/// A configurable auth provider that records every call with its request. It implements the four required members;
/// <see cref="FakeAuthProvider"/> adds all optional ones, <see cref="FakeMinimalAuthProvider"/> none. Derive from it
/// and override a subset (calling <see cref="AnswerAsync{TRequest, TResult}"/>) to fake a provider with exactly
/// those features. Every answer is a settable property, or a handler for full control (delays, exceptions, state).
/// </summary>
public abstract class FakeAuthProviderBase : AuthProvider
{
    private readonly Lock _gate = new();
    private readonly List<FakeAuthCall> _calls = [];

    /// <summary>What CheckAsync answers. Default: not authenticated.</summary>
    public CheckResult CheckResult { get; set; } = CheckResult.Fail();

    /// <summary>What LoginAsync answers. Default: success without redirect.</summary>
    public AuthActionResult LoginResult { get; set; } = AuthActionResult.Ok();

    /// <summary>What LogoutAsync answers. Default: success without redirect.</summary>
    public AuthActionResult LogoutResult { get; set; } = AuthActionResult.Ok();

    /// <summary>What OnErrorAsync answers. Default: ignore the error.</summary>
    public OnErrorResult OnErrorResult { get; set; } = OnErrorResult.Ignore();

    /// <summary>What RegisterAsync answers, when the fake implements it. Default: success.</summary>
    public AuthActionResult RegisterResult { get; set; } = AuthActionResult.Ok();

    /// <summary>What ForgotPasswordAsync answers, when the fake implements it. Default: success.</summary>
    public AuthActionResult ForgotPasswordResult { get; set; } = AuthActionResult.Ok();

    /// <summary>What UpdatePasswordAsync answers, when the fake implements it. Default: success.</summary>
    public AuthActionResult UpdatePasswordResult { get; set; } = AuthActionResult.Ok();

    /// <summary>What GetIdentityAsync answers, when the fake implements it. Default: null.</summary>
    public object? Identity { get; set; }

    /// <summary>What GetPermissionsAsync answers, when the fake implements it. Default: null.</summary>
    public object? Permissions { get; set; }

    /// <summary>Replaces <see cref="CheckResult"/> with your own code (to delay, throw or count).</summary>
    public Func<CheckRequest, CancellationToken, Task<CheckResult>>? CheckHandler { get; set; }

    /// <summary>Replaces <see cref="LoginResult"/> with your own code.</summary>
    public Func<LoginRequest, CancellationToken, Task<AuthActionResult>>? LoginHandler { get; set; }

    /// <summary>Replaces <see cref="LogoutResult"/> with your own code.</summary>
    public Func<LogoutRequest, CancellationToken, Task<AuthActionResult>>? LogoutHandler { get; set; }

    /// <summary>Replaces <see cref="OnErrorResult"/> with your own code.</summary>
    public Func<OnErrorRequest, CancellationToken, Task<OnErrorResult>>? OnErrorHandler { get; set; }

    /// <summary>Every call received so far, oldest first.</summary>
    public IReadOnlyList<FakeAuthCall> Calls
    {
        get
        {
            lock (_gate)
            {
                return [.. _calls];
            }
        }
    }

    /// <summary>The requests of every call of the given type, oldest first (for example <c>RequestsOf&lt;LoginRequest&gt;()</c>).</summary>
    public IReadOnlyList<TRequest> RequestsOf<TRequest>()
        where TRequest : AuthRequest =>
        [.. Calls.Select(c => c.Request).OfType<TRequest>()];

    /// <summary>How many times <paramref name="member"/> (for example "CheckAsync") was called.</summary>
    public int CallCount(string member) => Calls.Count(c => c.Member == member);

    /// <summary>Forgets the recorded calls.</summary>
    public void ClearCalls()
    {
        lock (_gate)
        {
            _calls.Clear();
        }
    }

    /// <inheritdoc />
    public override Task<CheckResult> CheckAsync(CheckRequest request, CancellationToken cancellationToken = default) =>
        AnswerAsync(nameof(CheckAsync), request, CheckHandler, CheckResult, cancellationToken);

    /// <inheritdoc />
    public override Task<AuthActionResult> LoginAsync(LoginRequest request, CancellationToken cancellationToken = default) =>
        AnswerAsync(nameof(LoginAsync), request, LoginHandler, LoginResult, cancellationToken);

    /// <inheritdoc />
    public override Task<AuthActionResult> LogoutAsync(LogoutRequest request, CancellationToken cancellationToken = default) =>
        AnswerAsync(nameof(LogoutAsync), request, LogoutHandler, LogoutResult, cancellationToken);

    /// <inheritdoc />
    public override Task<OnErrorResult> OnErrorAsync(OnErrorRequest request, CancellationToken cancellationToken = default) =>
        AnswerAsync(nameof(OnErrorAsync), request, OnErrorHandler, OnErrorResult, cancellationToken);

    /// <summary>Records the call, then runs <paramref name="handler"/> when set, otherwise returns <paramref name="answer"/>.</summary>
    protected Task<TResult> AnswerAsync<TRequest, TResult>(
        string member,
        TRequest request,
        Func<TRequest, CancellationToken, Task<TResult>>? handler,
        TResult answer,
        CancellationToken cancellationToken)
        where TRequest : AuthRequest
    {
        ArgumentNullException.ThrowIfNull(request);
        lock (_gate)
        {
            _calls.Add(new FakeAuthCall(member, request));
        }

        return handler is null ? Task.FromResult(answer) : handler(request, cancellationToken);
    }
}
