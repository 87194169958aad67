namespace RefineSharp;

/// <summary>What a sign-up form (or a social sign-up button) sends to <see cref="AuthProvider.RegisterAsync"/>.</summary>
public record RegisterRequest : AuthRequest
{
    /// <summary>The email of the new account.</summary>
    public string? Email { get; init; }

    /// <summary>The password of the new account.</summary>
    public string? Password { get; init; }

    /// <summary>The external provider chosen on the sign-up page, or null for the form.</summary>
    public string? ProviderName { get; init; }
}
