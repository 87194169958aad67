using System.Collections.Concurrent;

namespace RefineSharp.Tests.TestDoubles;

/// <summary>
/// A hand-written provider that implements only the four required members: each runs a settable delegate and is
/// recorded. The engine sees no optional feature on it (<see cref="AuthFeatures.None"/>).
/// </summary>
public class RequiredOnlyAuthProvider : AuthProvider
{
    private readonly ConcurrentQueue<ProviderCall> _calls = new();

    public Func<LoginRequest, CancellationToken, Task<AuthActionResult>> Login { get; set; } = (_, _) => Task.FromResult(AuthActionResult.Ok());

    public Func<LogoutRequest, CancellationToken, Task<AuthActionResult>> Logout { get; set; } = (_, _) => Task.FromResult(AuthActionResult.Ok());

    public Func<CheckRequest, CancellationToken, Task<CheckResult>> Check { get; set; } = (_, _) => Task.FromResult(CheckResult.Ok());

    public Func<OnErrorRequest, CancellationToken, Task<OnErrorResult>> OnError { get; set; } = (_, _) => Task.FromResult(OnErrorResult.Ignore());

    /// <summary>Every call, in arrival order.</summary>
    public IReadOnlyList<ProviderCall> Calls => [.. _calls];

    /// <summary>How often <paramref name="member"/> (for example <c>nameof(AuthProvider.LoginAsync)</c>) was called.</summary>
    public int CallsTo(string member) => _calls.Count(c => c.Member == member);

    /// <summary>The requests <paramref name="member"/> received, in order.</summary>
    public IReadOnlyList<TRequest> RequestsTo<TRequest>(string member)
        where TRequest : AuthRequest =>
        [.. _calls.Where(c => c.Member == member).Select(c => (TRequest)c.Request)];

    /// <summary>Makes <paramref name="member"/> misbehave as <paramref name="fault"/> says.</summary>
    public virtual void SetFault(string member, ProviderFault fault)
    {
        switch (member)
        {
            case nameof(LoginAsync): Login = Faulted<LoginRequest, AuthActionResult>(fault); break;
            case nameof(LogoutAsync): Logout = Faulted<LogoutRequest, AuthActionResult>(fault); break;
            case nameof(CheckAsync): Check = Faulted<CheckRequest, CheckResult>(fault); break;
            case nameof(OnErrorAsync): OnError = Faulted<OnErrorRequest, OnErrorResult>(fault); break;
            default: throw new ArgumentException($"{GetType().Name} has no member {member}.", nameof(member));
        }
    }

    public override Task<AuthActionResult> LoginAsync(LoginRequest request, CancellationToken cancellationToken = default) =>
        Record(nameof(LoginAsync), request, cancellationToken, Login);

    public override Task<AuthActionResult> LogoutAsync(LogoutRequest request, CancellationToken cancellationToken = default) =>
        Record(nameof(LogoutAsync), request, cancellationToken, Logout);

    public override Task<CheckResult> CheckAsync(CheckRequest request, CancellationToken cancellationToken = default) =>
        Record(nameof(CheckAsync), request, cancellationToken, Check);

    public override Task<OnErrorResult> OnErrorAsync(OnErrorRequest request, CancellationToken cancellationToken = default) =>
        Record(nameof(OnErrorAsync), request, cancellationToken, OnError);

    /// <summary>Builds a delegate that misbehaves as <paramref name="fault"/> says.</summary>
    public static Func<TRequest, CancellationToken, Task<T>> Faulted<TRequest, T>(ProviderFault fault) => fault switch
    {
        ProviderFault.Throws => (_, _) => throw new InvalidOperationException("The backend is broken."),
        ProviderFault.ThrowsAsync => (_, _) => Task.FromException<T>(new InvalidOperationException("The backend is broken.")),
        ProviderFault.ReturnsNullTask => (_, _) => null!,
        ProviderFault.ReturnsNull => (_, _) => Task.FromResult<T>(default!),
        ProviderFault.Hangs => (_, _) => new TaskCompletionSource<T>().Task,
        ProviderFault.CancelsItself => (_, _) => Task.FromCanceled<T>(new CancellationToken(canceled: true)),
        _ => throw new ArgumentOutOfRangeException(nameof(fault)),
    };

    protected Task<T> Record<TRequest, T>(string member, TRequest request, CancellationToken cancellationToken, Func<TRequest, CancellationToken, Task<T>> behaviour)
        where TRequest : AuthRequest
    {
        _calls.Enqueue(new ProviderCall(member, request, cancellationToken));
        return behaviour(request, cancellationToken);
    }
}
