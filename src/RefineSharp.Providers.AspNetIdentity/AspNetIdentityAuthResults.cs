namespace RefineSharp.Providers.AspNetIdentity;

/// <summary>The names of the extra values the provider reads from requests and writes to results.</summary>
public static class AspNetIdentityAuthResults
{
    /// <summary>The <see cref="AuthActionResult.Extra"/> key set to true when the login needs a two-factor code.</summary>
    public const string RequiresTwoFactorKey = "requiresTwoFactor";

    /// <summary>The <see cref="AuthRequest.Extra"/> key of the authenticator code of a login.</summary>
    public const string TwoFactorCodeKey = "twoFactorCode";

    /// <summary>The <see cref="AuthRequest.Extra"/> key of a two-factor recovery code of a login.</summary>
    public const string TwoFactorRecoveryCodeKey = "twoFactorRecoveryCode";

    /// <summary>The <see cref="AuthRequest.Extra"/> key (a URL parameter of the reset link) of the password reset code.</summary>
    public const string ResetCodeKey = "code";

    /// <summary>The <see cref="AuthRequest.Extra"/> key (a URL parameter of the reset link) of the email whose password is reset.</summary>
    public const string EmailKey = "email";

    /// <summary>True when <paramref name="result"/> is a failed login that asks for a two-factor code.</summary>
    public static bool IsTwoFactorRequired(AuthActionResult result) =>
        result is { Success: false, Extra: { } extra } && extra.TryGetValue(RequiresTwoFactorKey, out var value) && value is true;
}
