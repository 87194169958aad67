namespace RefineSharp.Providers.InMemory;

/// <summary>A user as the store keeps it: the password only as a hash.</summary>
internal sealed class StoredUser(string email, PasswordHash password, string? name, string? avatar, IReadOnlyList<string> roles)
{
    public string Email { get; } = email;

    public PasswordHash Password { get; set; } = password;

    public string? Name { get; } = name;

    public string? Avatar { get; } = avatar;

    public IReadOnlyList<string> Roles { get; } = roles;

    public UserIdentity ToIdentity() => new() { Id = Email, Email = Email, Name = Name, Avatar = Avatar, Roles = Roles };
}
