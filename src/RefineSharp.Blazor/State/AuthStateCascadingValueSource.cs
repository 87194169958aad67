using Microsoft.AspNetCore.Components;

namespace RefineSharp.Blazor;

/// <summary>
/// The app-wide cascading <see cref="RefineAuthState"/> that <c>AddBlazor()</c> registers: publishes every newer
/// snapshot of <see cref="RefineAuthStateSource"/>, never an older one. Components under <see cref="Refine"/> (or
/// <see cref="RefineAuthStateCascade"/>) receive the closer cascade instead, which updates them in one render.
/// </summary>
internal sealed class AuthStateCascadingValueSource : CascadingValueSource<RefineAuthState>
{
    private readonly Lock _gate = new();
    private readonly RefineAuthStateSource _source;
    private long _published;

    public AuthStateCascadingValueSource(RefineAuthStateSource source)
        : base(source.Current, isFixed: false)
    {
        _source = source;
        _published = source.Current.Version;
        source.Changed += OnChanged;
    }

    private void OnChanged(object? sender, RefineAuthState state)
    {
        lock (_gate)
        {
            var current = _source.Current;
            if (current.Version <= _published)
            {
                return;
            }

            _published = current.Version;
            _ = NotifyChangedAsync(current);
        }
    }
}
