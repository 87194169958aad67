namespace RefineSharp.Blazor;

/// <summary>Which browser storage a <see cref="BrowserStorageTokenStore"/> uses.</summary>
public enum BrowserStorageKind
{
    /// <summary>localStorage: survives closing the tab, shared by every tab of the origin (the default).</summary>
    Local,

    /// <summary>sessionStorage: one tab only, gone when the tab closes.</summary>
    Session,
}
