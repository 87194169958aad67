namespace RefineSharp;

/// <summary>The identity the ready providers return: who the user is, in the shape refine's UI reads.</summary>
public sealed record UserIdentity
{
    /// <summary>A stable id of the user.</summary>
    public required string Id { get; init; }

    /// <summary>The name to show.</summary>
    public string? Name { get; init; }

    /// <summary>The user's email.</summary>
    public string? Email { get; init; }

    /// <summary>An image URL for the user's avatar.</summary>
    public string? Avatar { get; init; }

    /// <summary>The user's roles.</summary>
    public IReadOnlyList<string> Roles { get; init; } = [];

    /// <summary>Any further claims the backend returned.</summary>
    public IReadOnlyDictionary<string, string>? Claims { get; init; }
}
