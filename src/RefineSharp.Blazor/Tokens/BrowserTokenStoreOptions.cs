namespace RefineSharp.Blazor;

/// <summary>Options of the <see cref="BrowserStorageTokenStore"/>.</summary>
public sealed class BrowserTokenStoreOptions
{
    /// <summary>localStorage or sessionStorage. Default: <see cref="BrowserStorageKind.Local"/>.</summary>
    public BrowserStorageKind Storage { get; set; } = BrowserStorageKind.Local;

    /// <summary>The storage key the tokens are kept under. Default: "refine-sharp.tokens".</summary>
    public string Key { get; set; } = "refine-sharp.tokens";
}
