using System.Text;

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

    /// <summary>Prints the members like a record, with the password fields (and secret <see cref="AuthRequest.Extra"/> values) shown as <c>***</c>.</summary>
    protected override bool PrintMembers(StringBuilder builder) => RequestPrinter.AppendMembers(builder, this, typeof(RegisterRequest));
}
