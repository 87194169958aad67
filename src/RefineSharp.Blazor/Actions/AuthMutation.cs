using Microsoft.Extensions.Logging;

namespace RefineSharp.Blazor;

/// <summary>
/// One auth action with its state, like a refine mutation hook (useLogin and friends): <see cref="IsPending"/> while
/// it runs, then <see cref="LastResult"/> and <see cref="Error"/>. Called from an event handler, the component
/// re-renders on its own when the action starts waiting and when it ends; other code may listen to <see cref="StateChanged"/>.
/// </summary>
/// <typeparam name="TRequest">What the action sends to the provider.</typeparam>
/// <typeparam name="TResult">What the provider answers.</typeparam>
public sealed class AuthMutation<TRequest, TResult>
    where TRequest : AuthRequest
    where TResult : class
{
    private readonly Func<TRequest?, CancellationToken, Task<TResult>> _run;
    private readonly Func<TResult, AuthError?> _errorOf;
    private readonly Func<AuthError, TResult> _failure;
    private readonly ILogger _logger;
    private int _running;

    internal AuthMutation(
        Func<TRequest?, CancellationToken, Task<TResult>> run,
        Func<TResult, AuthError?> errorOf,
        Func<AuthError, TResult> failure,
        ILogger logger)
    {
        _run = run;
        _errorOf = errorOf;
        _failure = failure;
        _logger = logger;
    }

    /// <summary>Raised when the action starts and when it ends.</summary>
    public event EventHandler? StateChanged;

    /// <summary>True while a call runs.</summary>
    public bool IsPending => Volatile.Read(ref _running) > 0;

    /// <summary>The answer of the last finished call, or null before the first one.</summary>
    public TResult? LastResult { get; private set; }

    /// <summary>What went wrong in the last finished call, or null when it went well (or had no error to report).</summary>
    public AuthError? Error { get; private set; }

    /// <summary>Runs the action: the engine calls the provider, redirects and notifies exactly as refine's hook does.</summary>
    public async Task<TResult> RunAsync(TRequest? request = null, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _running);
        StateChanged?.Invoke(this, EventArgs.Empty);
        try
        {
            var result = await _run(request, cancellationToken);
            (LastResult, Error) = (result, _errorOf(result));
            return result;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // For example no provider registered: a component must get a failed result, not a crashed circuit.
            BlazorLog.ActionFailed(_logger, ex);
            var error = AuthError.FromException(ex);
            var failed = _failure(error);
            (LastResult, Error) = (failed, error);
            return failed;
        }
        finally
        {
            Interlocked.Decrement(ref _running);
            StateChanged?.Invoke(this, EventArgs.Empty);
        }
    }

    /// <summary>Forgets the last result and error.</summary>
    public void Reset()
    {
        (LastResult, Error) = (null, null);
        StateChanged?.Invoke(this, EventArgs.Empty);
    }
}
