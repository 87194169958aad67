using System.Text;

namespace RefineSharp;

/// <summary>What a login form (or a social-login button) sends to <see cref="AuthProvider.LoginAsync"/>.</summary>
public record LoginRequest : AuthRequest
{
    /// <summary>The email or user name typed into the form.</summary>
    public string? Email { get; init; }

    /// <summary>The password typed into the form.</summary>
    public string? Password { get; init; }

    /// <summary>Whether the user asked to stay signed in.</summary>
    public bool Remember { get; init; }

    /// <summary>The external provider chosen on the login page (for example "google"), or null for the form.</summary>
    public string? ProviderName { get; init; }

    /// <summary>A path the provider may use as its <see cref="AuthActionResult.RedirectTo"/>.</summary>
    public string? RedirectPath { get; init; }

    /// <summary>Prints the members like a record, with the password fields (and secret <see cref="AuthRequest.Extra"/> values) shown as <c>***</c>.</summary>
    protected override bool PrintMembers(StringBuilder builder) => RequestPrinter.AppendMembers(builder, this, typeof(LoginRequest));
}
