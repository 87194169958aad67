using System.Collections.Concurrent;

namespace RefineSharp.Tests.TestDoubles;

/// <summary>An <see cref="INavigator"/> that records every navigation; the current URI is settable.</summary>
public sealed class RecordingNavigator : INavigator
{
    private readonly ConcurrentQueue<Navigation> _navigations = new();

    public string CurrentUri { get; set; } = "http://localhost/";

    /// <summary>Runs inside NavigateTo before it records, so tests can look at the engine mid-navigation.</summary>
    public Action<string, NavigationKind>? OnNavigate { get; set; }

    /// <summary>When set, NavigateTo throws it (after recording).</summary>
    public Exception? ThrowOnNavigate { get; set; }

    /// <summary>When set, reading <see cref="CurrentUri"/> throws it.</summary>
    public Exception? ThrowOnCurrentUri { get; set; }

    public IReadOnlyList<Navigation> Navigations => [.. _navigations];

    string INavigator.CurrentUri => ThrowOnCurrentUri is { } ex ? throw ex : CurrentUri;

    public void NavigateTo(string path, NavigationKind kind)
    {
        OnNavigate?.Invoke(path, kind);
        _navigations.Enqueue(new Navigation(path, kind));
        if (ThrowOnNavigate is { } ex)
        {
            throw ex;
        }
    }
}

public sealed record Navigation(string Path, NavigationKind Kind);
