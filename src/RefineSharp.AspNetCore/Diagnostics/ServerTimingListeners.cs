using System.Collections.Concurrent;
using System.Diagnostics;
using System.Reflection;

namespace RefineSharp.AspNetCore.Diagnostics;

/// <summary>
/// Listens, once per process, to the framework's own diagnostic events: HttpClient's outgoing calls (the provider's
/// hop to its API, with the API's own Server-Timing folded in as "api-*") and EF Core's database commands. Each goes
/// to the recorder of the request it ran for; with no timed request current the events are switched off.
/// </summary>
internal static class ServerTimingListeners
{
    private const string HttpListener = "HttpHandlerDiagnosticListener";
    private const string HttpStop = "System.Net.Http.HttpRequestOut.Stop";
    private const string EfListener = "Microsoft.EntityFrameworkCore";
    private const string EfExecuted = "Microsoft.EntityFrameworkCore.Database.Command.CommandExecuted";
    private const int MaxNestedEntries = 16;

    private static readonly Lazy<IDisposable> Subscription = new(() => DiagnosticListener.AllListeners.Subscribe(new AllListenersObserver()));
    private static readonly ConcurrentDictionary<(Type, string), PropertyInfo?> Properties = new();

    /// <summary>Subscribes (the first call only).</summary>
    public static void EnsureSubscribed() => _ = Subscription.Value;

    private static object? Read(object payload, string property) =>
        Properties.GetOrAdd((payload.GetType(), property), static k => k.Item1.GetProperty(k.Item2))?.GetValue(payload);

    private static void OnHttpStop(object? payload)
    {
        if (ServerTimingRecorder.Current is not { } recorder || payload is null || Activity.Current is not { } activity)
        {
            return;
        }

        var request = Read(payload, "Request") as HttpRequestMessage;
        var response = Read(payload, "Response") as HttpResponseMessage;
        recorder.Add("call", ServerTimingFormat.Call(request?.Method.Method ?? "?", request?.RequestUri), activity.Duration.TotalMilliseconds);
        if (response is not null && response.Headers.TryGetValues("Server-Timing", out var values))
        {
            foreach (var (name, ms) in ServerTimingHeader.Parse(values).Take(MaxNestedEntries))
            {
                recorder.Add("api-" + name, null, ms);
            }
        }
    }

    private static void OnEfExecuted(object? payload)
    {
        if (ServerTimingRecorder.Current is { } recorder && payload is not null && Read(payload, "Duration") is TimeSpan duration)
        {
            recorder.Add("db", null, duration.TotalMilliseconds);
        }
    }

    private sealed class AllListenersObserver : IObserver<DiagnosticListener>
    {
        public void OnNext(DiagnosticListener value)
        {
            if (value.Name == HttpListener)
            {
                value.Subscribe(new EventObserver(HttpStop, OnHttpStop), static (_, _, _) => ServerTimingRecorder.Current is not null);
            }
            else if (value.Name == EfListener)
            {
                value.Subscribe(new EventObserver(EfExecuted, OnEfExecuted), static (name, _, _) => name == EfExecuted && ServerTimingRecorder.Current is not null);
            }
        }

        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }
    }

    private sealed class EventObserver(string eventName, Action<object?> handle) : IObserver<KeyValuePair<string, object?>>
    {
        public void OnNext(KeyValuePair<string, object?> value)
        {
            if (value.Key == eventName)
            {
                handle(value.Value);
            }
        }

        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }
    }
}
