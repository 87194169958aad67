namespace RefineSharp.Providers.InMemory;

/// <summary>A user configured in code; the password is hashed when the user store is created and never kept in clear.</summary>
public sealed class InMemoryUser
{
    /// <summary>The sign-in email (compared case-insensitively).</summary>
    public required string Email { get; set; }

    /// <summary>The password in clear, as written in the demo's configuration.</summary>
    public required string Password { get; set; }

    /// <summary>The name to show.</summary>
    public string? Name { get; set; }

    /// <summary>An image URL for the avatar.</summary>
    public string? Avatar { get; set; }

    /// <summary>The user's roles, returned as permissions.</summary>
    public IList<string> Roles { get; init; } = new List<string>();
}
