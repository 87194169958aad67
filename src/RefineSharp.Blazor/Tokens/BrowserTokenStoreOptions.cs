namespace RefineSharp.Blazor;

/// <summary>Options of the <see cref="BrowserStorageTokenStore"/>.</summary>
public sealed class BrowserTokenStoreOptions
{
    /// <summary>localStorage or sessionStorage. Default: <see cref="BrowserStorageKind.Local"/>.</summary>
    public BrowserStorageKind Storage { get; set; } = BrowserStorageKind.Local;

    /// <summary>
    /// The storage key the tokens are kept under. Default (null): "refine-sharp.tokens" for an app at "/", and
    /// "refine-sharp.tokens:/app1/" for an app whose base path is "/app1/", so apps under one origin keep apart.
    /// </summary>
    public string? Key { get; set; }
}
