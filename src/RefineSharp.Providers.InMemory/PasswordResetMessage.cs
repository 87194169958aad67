namespace RefineSharp.Providers.InMemory;

/// <summary>A password reset "email" the in-memory store would have sent: it lands in <see cref="InMemoryUserStore.Outbox"/>.</summary>
/// <param name="Email">The address the message is for.</param>
/// <param name="Code">The reset code to pass back as <c>?code=</c> (with <c>?email=</c>) on the update-password page.</param>
/// <param name="ExpiresAt">When the code stops working.</param>
public sealed record PasswordResetMessage(string Email, string Code, DateTimeOffset ExpiresAt)
{
    /// <summary>Hides the code, so that printing a message never leaks it into a log.</summary>
    public override string ToString() => $"PasswordResetMessage {{ Email = {Email}, Code = ***, ExpiresAt = {ExpiresAt:O} }}";
}
