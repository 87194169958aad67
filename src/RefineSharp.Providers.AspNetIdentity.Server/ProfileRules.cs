using System.ComponentModel.DataAnnotations;

namespace RefineSharp.Providers.AspNetIdentity.Server;

/// <summary>What a profile value must look like; every check runs before anything is stored.</summary>
internal static class ProfileRules
{
    /// <summary>The longest display name kept.</summary>
    public const int MaxNameLength = 100;

    /// <summary>The longest avatar URL kept (what browsers and claims comfortably carry).</summary>
    public const int MaxAvatarLength = 2048;

    /// <summary>The longest email accepted (RFC 5321's path limit).</summary>
    public const int MaxEmailLength = 256;

    public const string InvalidName = "InvalidName";
    public const string InvalidAvatar = "InvalidAvatar";
    public const string InvalidEmail = "InvalidEmail";
    public const string DuplicateEmail = "DuplicateEmail";

    private static readonly EmailAddressAttribute EmailFormat = new();

    /// <summary>Null when <paramref name="name"/> (already trimmed) is acceptable, else the message.</summary>
    public static string? CheckName(string name) =>
        name.Length > MaxNameLength ? $"The name must be at most {MaxNameLength} characters."
        : name.Any(char.IsControl) ? "The name must not contain control characters."
        : null;

    /// <summary>Null when <paramref name="avatar"/> (already trimmed, not empty) is an absolute http(s) URL without credentials.</summary>
    public static string? CheckAvatar(string avatar) =>
        avatar.Length <= MaxAvatarLength
        && Uri.TryCreate(avatar, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
        && uri.UserInfo.Length == 0
        && !avatar.Any(char.IsControl)
            ? null
            : $"The avatar must be an absolute http or https URL of at most {MaxAvatarLength} characters.";

    /// <summary>Null when <paramref name="email"/> (already trimmed) looks like an email address.</summary>
    public static string? CheckEmail(string email) =>
        email.Length is > 0 and <= MaxEmailLength && EmailFormat.IsValid(email) && !email.Any(char.IsControl)
            ? null
            : $"The email must be a valid address of at most {MaxEmailLength} characters.";
}
