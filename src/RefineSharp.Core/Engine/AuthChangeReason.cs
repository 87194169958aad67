namespace RefineSharp;

/// <summary>Why the auth state changed.</summary>
public enum AuthChangeReason
{
    /// <summary>A login succeeded.</summary>
    Login,

    /// <summary>A logout ran.</summary>
    Logout,

    /// <summary>A registration succeeded.</summary>
    Register,

    /// <summary>The auth store was invalidated explicitly (for example by another browser tab).</summary>
    Invalidated,

    /// <summary>A check answered differently from the last one.</summary>
    CheckChanged,

    /// <summary>The user's profile changed (an identity update succeeded): the cached identity was forgotten, the session goes on.</summary>
    IdentityUpdated,
}
