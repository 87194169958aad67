namespace RefineSharp.Blazor;

/// <summary>Which form an <see cref="AuthPage"/> shows (refine's <c>type</c> prop).</summary>
public enum AuthPageType
{
    /// <summary>Sign in (the default).</summary>
    Login,

    /// <summary>Sign up.</summary>
    Register,

    /// <summary>Ask for password reset instructions.</summary>
    ForgotPassword,

    /// <summary>Set a new password (signed in, or with a reset code in the URL).</summary>
    UpdatePassword,
}
