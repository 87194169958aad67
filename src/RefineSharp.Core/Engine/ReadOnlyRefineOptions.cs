namespace RefineSharp;

/// <summary>
/// A read-only copy of the <see cref="RefineOptions"/> one <see cref="AuthManager"/> runs with: one session (one
/// circuit) can read the settings but cannot change them for every other session.
/// </summary>
public sealed class ReadOnlyRefineOptions
{
    /// <summary>Copies <paramref name="options"/>; later changes to it are not seen.</summary>
    public ReadOnlyRefineOptions(RefineOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ProviderTimeout = options.ProviderTimeout;
        QueryCacheDuration = options.QueryCacheDuration;
        MaxCachedQueriesPerKind = options.MaxCachedQueriesPerKind;
        ReturnToPageAfterSessionEnds = options.ReturnToPageAfterSessionEnds;
        ReturnPathParameter = options.ReturnPathParameter;
        ShowErrorDetails = options.ShowErrorDetails;
    }

    /// <summary>See <see cref="RefineOptions.ProviderTimeout"/>.</summary>
    public TimeSpan ProviderTimeout { get; }

    /// <summary>See <see cref="RefineOptions.QueryCacheDuration"/>.</summary>
    public TimeSpan? QueryCacheDuration { get; }

    /// <summary>See <see cref="RefineOptions.MaxCachedQueriesPerKind"/>.</summary>
    public int MaxCachedQueriesPerKind { get; }

    /// <summary>See <see cref="RefineOptions.ReturnToPageAfterSessionEnds"/>.</summary>
    public bool ReturnToPageAfterSessionEnds { get; }

    /// <summary>See <see cref="RefineOptions.ReturnPathParameter"/>.</summary>
    public string ReturnPathParameter { get; }

    /// <summary>See <see cref="RefineOptions.ShowErrorDetails"/>.</summary>
    public bool ShowErrorDetails { get; }
}
