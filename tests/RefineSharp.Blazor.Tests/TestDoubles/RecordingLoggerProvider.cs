using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace RefineSharp.Blazor.Tests.TestDoubles;

/// <summary>A logger provider that records every log entry (level, category, rendered message).</summary>
public sealed class RecordingLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<RecordedLog> _entries = new();

    public IReadOnlyList<RecordedLog> Entries => [.. _entries];

    /// <summary>A logger factory that writes only to this provider.</summary>
    public ILoggerFactory Factory() => new LoggerFactory([this]);

    public ILogger CreateLogger(string categoryName) => new RecordingLogger(categoryName, _entries);

    public void Dispose()
    {
    }

    private sealed class RecordingLogger(string category, ConcurrentQueue<RecordedLog> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            entries.Enqueue(new RecordedLog(logLevel, category, formatter(state, exception)));
    }
}

/// <summary>One recorded log entry.</summary>
public sealed record RecordedLog(LogLevel Level, string Category, string Message);
