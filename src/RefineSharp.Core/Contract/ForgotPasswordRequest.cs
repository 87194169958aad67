namespace RefineSharp;

/// <summary>What the forgot-password form sends to <see cref="AuthProvider.ForgotPasswordAsync"/>.</summary>
public record ForgotPasswordRequest : AuthRequest
{
    /// <summary>The email to send reset instructions to.</summary>
    public string? Email { get; init; }
}
