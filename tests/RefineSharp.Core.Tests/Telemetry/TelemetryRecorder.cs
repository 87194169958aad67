using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using RefineSharp.Telemetry;

namespace RefineSharp.Tests.Telemetry;

/// <summary>
/// Listens to the "RefineSharp" meter and activity source the way a collector does (MeterListener, ActivityListener)
/// and keeps every measurement and finished span. The listeners are process-wide, so tests assert what their own
/// calls produced is there, never exact totals.
/// </summary>
internal sealed class TelemetryRecorder : IDisposable
{
    private readonly MeterListener _meters = new();
    private readonly ActivityListener _activities;

    public TelemetryRecorder()
    {
        _meters.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == RefineTelemetry.Name)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _meters.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        _meters.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        _meters.Start();
        _activities = new ActivityListener
        {
            ShouldListenTo = source => source.Name == RefineTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = Activities.Enqueue,
        };
        ActivitySource.AddActivityListener(_activities);
    }

    public ConcurrentQueue<Measurement> Measurements { get; } = new();

    public ConcurrentQueue<Activity> Activities { get; } = new();

    /// <summary>Measurements of <paramref name="instrument"/> whose tags include every pair of <paramref name="tags"/>.</summary>
    public IReadOnlyList<Measurement> Of(string instrument, params (string Key, string Value)[] tags) =>
        [.. Measurements.Where(m => m.Instrument == instrument && tags.All(t => m.Tags.TryGetValue(t.Key, out var v) && Equals(v, t.Value)))];

    /// <summary>Every string the telemetry carried: instrument and span names, tag keys and values, span status descriptions.</summary>
    public IEnumerable<string> AllTexts() =>
        Measurements.SelectMany(m => m.Tags.SelectMany(t => new[] { t.Key, t.Value?.ToString() ?? "" }).Append(m.Instrument))
            .Concat(Activities.SelectMany(a => a.TagObjects.SelectMany(t => new[] { t.Key, t.Value?.ToString() ?? "" })
                .Append(a.DisplayName).Append(a.OperationName).Append(a.StatusDescription ?? "")
                .Concat(a.Events.Select(e => e.Name))
                .Concat(a.Baggage.Select(b => b.Value ?? ""))));

    public void Dispose()
    {
        _meters.Dispose();
        _activities.Dispose();
    }

    private void Record<T>(Instrument instrument, T value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        where T : struct =>
        Measurements.Enqueue(new Measurement(instrument.Name, Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture), tags.ToArray().ToDictionary(t => t.Key, t => t.Value)));

    internal sealed record Measurement(string Instrument, double Value, IReadOnlyDictionary<string, object?> Tags);
}
