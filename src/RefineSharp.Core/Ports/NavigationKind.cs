namespace RefineSharp;

/// <summary>How a navigation affects the browser history.</summary>
public enum NavigationKind
{
    /// <summary>Adds a history entry (refine's default <c>go</c>, used after logout).</summary>
    Push,

    /// <summary>Replaces the current history entry (used after login, register and by guards).</summary>
    Replace,
}
