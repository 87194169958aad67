namespace RefineSharp.Providers.AspNetIdentity.Server;

/// <summary>The body of POST /manage/profile: a null value leaves that field as it is.</summary>
/// <param name="Name">The new display name; an empty string removes it.</param>
/// <param name="Avatar">The new avatar URL (absolute http or https); an empty string removes it.</param>
/// <param name="NewEmail">The new email; it takes effect when the confirmation link sent to it is opened.</param>
internal sealed record ProfileUpdate(string? Name, string? Avatar, string? NewEmail);

/// <summary>The body of GET and POST /manage/profile.</summary>
/// <param name="Name">The display name, or null when none is set.</param>
/// <param name="Avatar">The avatar URL, or null when none is set.</param>
/// <param name="Email">The current (confirmed or not) email.</param>
/// <param name="PendingEmail">The address a confirmation link was just sent to (POST only), or null.</param>
internal sealed record ProfileResponse(string? Name, string? Avatar, string? Email, string? PendingEmail = null);
