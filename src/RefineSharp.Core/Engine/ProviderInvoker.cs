using Microsoft.Extensions.Logging;
using RefineSharp.Telemetry;

namespace RefineSharp;

/// <summary>
/// Calls a provider member with the configured timeout and turns throws, nulls and hangs into a
/// <see cref="ProviderOutcome{T}"/> (docs/architecture.md difference 2). Only the caller's own cancellation escapes as an exception.
/// </summary>
internal sealed class ProviderInvoker
{
    private readonly TimeProvider _time;
    private readonly TimeSpan _timeout;
    private readonly ILogger _logger;

    public ProviderInvoker(TimeProvider time, TimeSpan timeout, ILogger logger)
    {
        _time = time;
        _timeout = timeout;
        _logger = logger;
    }

    public TimeSpan Timeout => _timeout;

    public async Task<ProviderOutcome<T>> InvokeAsync<T>(
        string member,
        Func<CancellationToken, Task<T>?> call,
        CancellationToken cancellationToken,
        bool nullIsAnswer = false)
        where T : class?
    {
        cancellationToken.ThrowIfCancellationRequested();
        // Telemetry (docs/telemetry.md): one span and one duration per call, tagged with fixed words only.
        var started = _time.GetTimestamp();
        var activity = RefineTelemetry.StartProviderCall(member);
        var outcome = "cancelled";
        Exception? fault = null;
        try
        {
            var result = await InvokeWithTimeoutAsync(member, call, nullIsAnswer, cancellationToken);
            outcome = result.Kind switch
            {
                ProviderOutcomeKind.Returned => "returned",
                ProviderOutcomeKind.ReturnedNull => "returned_null",
                ProviderOutcomeKind.TimedOut => "timed_out",
                _ => "threw",
            };
            fault = result.Exception;
            return result;
        }
        finally
        {
            RefineTelemetry.ProviderCall(member, outcome, _time.GetElapsedTime(started));
            RefineTelemetry.EndProviderCall(activity, outcome, fault);
        }
    }

    private async Task<ProviderOutcome<T>> InvokeWithTimeoutAsync<T>(
        string member,
        Func<CancellationToken, Task<T>?> call,
        bool nullIsAnswer,
        CancellationToken cancellationToken)
        where T : class?
    {
        using var timeout = new CancellationTokenSource(_timeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            var task = call(linked.Token);
            if (task is null)
            {
                Log.ProviderReturnedNull(_logger, member);
                return new(ProviderOutcomeKind.ReturnedNull, null, null);
            }

            // WaitAsync also ends the wait for a provider that ignores its token and hangs.
            var value = await task.WaitAsync(linked.Token);
            if (value is null)
            {
                if (!nullIsAnswer)
                {
                    Log.ProviderReturnedNull(_logger, member);
                }

                return new(ProviderOutcomeKind.ReturnedNull, null, null);
            }

            return new(ProviderOutcomeKind.Returned, value, null);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            Log.ProviderTimedOut(_logger, member, _timeout.TotalSeconds);
            return new(ProviderOutcomeKind.TimedOut, null, null);
        }
        catch (Exception ex)
        {
            Log.ProviderThrew(_logger, member, ex);
            return new(ProviderOutcomeKind.Threw, null, ex);
        }
    }
}
