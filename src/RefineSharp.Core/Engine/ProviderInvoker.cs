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

        // Telemetry (docs/telemetry.md): one span and one duration per call, tagged with fixed words only; recorded in
        // the finally below, in this one state machine; without a listener it reads no clock and builds no span.
        long? started = RefineTelemetry.MeasuresProviderCalls ? _time.GetTimestamp() : null;
        var activity = RefineTelemetry.StartProviderCall(member);
        ProviderOutcome<T>? done = null;
        using var timeout = new CancellationTokenSource(_timeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            var task = call(linked.Token);
            if (task is null)
            {
                Log.ProviderReturnedNull(_logger, member);
                return (done = new(ProviderOutcomeKind.ReturnedNull, null, null)).Value;
            }

            // WaitAsync also ends the wait for a provider that ignores its token and hangs.
            var value = await task.WaitAsync(linked.Token);
            if (value is null)
            {
                if (!nullIsAnswer)
                {
                    Log.ProviderReturnedNull(_logger, member);
                }

                return (done = new(ProviderOutcomeKind.ReturnedNull, null, null)).Value;
            }

            return (done = new(ProviderOutcomeKind.Returned, value, null)).Value;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            Log.ProviderTimedOut(_logger, member, _timeout.TotalSeconds);
            return (done = new(ProviderOutcomeKind.TimedOut, null, null)).Value;
        }
        catch (Exception ex)
        {
            Log.ProviderThrew(_logger, member, ex);
            return (done = new(ProviderOutcomeKind.Threw, null, ex)).Value;
        }
        finally
        {
            var outcome = done?.Kind switch
            {
                ProviderOutcomeKind.Returned => "returned",
                ProviderOutcomeKind.ReturnedNull => "returned_null",
                ProviderOutcomeKind.TimedOut => "timed_out",
                ProviderOutcomeKind.Threw => "threw",
                _ => "cancelled",
            };
            if (started is { } start)
            {
                RefineTelemetry.ProviderCall(member, outcome, _time.GetElapsedTime(start));
            }

            RefineTelemetry.EndProviderCall(activity, outcome, done?.Exception);
        }
    }
}
