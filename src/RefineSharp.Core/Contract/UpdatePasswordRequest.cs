using System.Text;

namespace RefineSharp;

/// <summary>
/// What the update-password form sends to <see cref="AuthProvider.UpdatePasswordAsync"/>. The current page's URL
/// parameters (for example a reset <c>code</c> and <c>email</c>) arrive in <see cref="AuthRequest.Extra"/>.
/// </summary>
public record UpdatePasswordRequest : AuthRequest
{
    /// <summary>The new password.</summary>
    public string? Password { get; init; }

    /// <summary>The new password typed a second time.</summary>
    public string? ConfirmPassword { get; init; }

    /// <summary>The current password, for providers that ask for it.</summary>
    public string? CurrentPassword { get; init; }

    /// <summary>Prints the members like a record, with the password fields (and secret <see cref="AuthRequest.Extra"/> values) shown as <c>***</c>.</summary>
    protected override bool PrintMembers(StringBuilder builder) => RequestPrinter.AppendMembers(builder, this, typeof(UpdatePasswordRequest));
}
