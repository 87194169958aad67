using System.Text.Json;

namespace RefineSharp.Providers.Jwt.Json;

/// <summary>Turns the me answer into a <see cref="UserIdentity"/> by the configured field names; an id may be a string or a number.</summary>
internal static class IdentityReader
{
    /// <summary>The user in <paramref name="root"/>, or null with <paramref name="problem"/> naming the setting whose field was missing.</summary>
    public static UserIdentity? Read(JsonElement root, JwtAuthOptions options, out string? problem)
    {
        var id = JsonFieldPath.GetText(root, options.IdField);
        if (string.IsNullOrEmpty(id))
        {
            problem = $"no string or number at \"{options.IdField}\" (JwtAuthOptions.{nameof(JwtAuthOptions.IdField)}); the answer holds {JsonFieldPath.DescribeShape(root)}";
            return null;
        }

        problem = null;
        var email = JsonFieldPath.GetText(root, options.EmailField);
        return new UserIdentity
        {
            Id = id,
            Name = JsonFieldPath.GetText(root, options.NameField) ?? email,
            Email = email,
            Avatar = JsonFieldPath.GetText(root, options.AvatarField),
            Roles = JsonFieldPath.GetStrings(root, options.RolesField),
        };
    }
}
