using System.Text;

namespace RefineSharp;

/// <summary>
/// What a profile form sends to <see cref="AuthProvider.UpdateIdentityAsync"/> (refine's updateIdentity variables).
/// A null property means "leave it as it is". The current page's URL parameters arrive in <see cref="AuthRequest.Extra"/>,
/// and values the caller put there win.
/// </summary>
public record UpdateIdentityRequest : AuthRequest
{
    /// <summary>The new name to show, or null to keep the current one (an empty string removes it; providers then show a default).</summary>
    public string? Name { get; init; }

    /// <summary>The new email, or null to keep it. Providers usually confirm a new address before it takes effect.</summary>
    public string? Email { get; init; }

    /// <summary>The new avatar image URL, or null to keep it (an empty string removes it).</summary>
    public string? Avatar { get; init; }

    /// <summary>Prints the members like a record, with secret <see cref="AuthRequest.Extra"/> values shown as <c>***</c>.</summary>
    protected override bool PrintMembers(StringBuilder builder) => RequestPrinter.AppendMembers(builder, this, typeof(UpdateIdentityRequest));
}
