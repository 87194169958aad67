namespace RefineSharp;

/// <summary>The optional <see cref="AuthProvider"/> members a provider implements.</summary>
[Flags]
public enum AuthFeatures
{
    /// <summary>Only the four required members.</summary>
    None = 0,

    /// <summary>The provider overrides <see cref="AuthProvider.RegisterAsync"/>.</summary>
    Register = 1,

    /// <summary>The provider overrides <see cref="AuthProvider.ForgotPasswordAsync"/>.</summary>
    ForgotPassword = 2,

    /// <summary>The provider overrides <see cref="AuthProvider.UpdatePasswordAsync"/>.</summary>
    UpdatePassword = 4,

    /// <summary>The provider overrides <see cref="AuthProvider.GetIdentityAsync"/>.</summary>
    Identity = 8,

    /// <summary>The provider overrides <see cref="AuthProvider.GetPermissionsAsync"/>.</summary>
    Permissions = 16,

    /// <summary>The provider overrides <see cref="AuthProvider.UpdateIdentityAsync"/>.</summary>
    UpdateIdentity = 32,
}
