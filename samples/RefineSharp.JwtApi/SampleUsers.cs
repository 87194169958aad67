using System.Security.Cryptography;
using System.Text;

namespace RefineSharp.JwtApi;

/// <summary>One account of the sample API: a numeric id (as many real APIs have), roles and a PBKDF2 password hash.</summary>
public sealed record SampleUser(long Id, string Email, string Name, IReadOnlyList<string> Roles, byte[] Salt, byte[] Hash);

/// <summary>The sample API's accounts (fixed, in memory): admin@jwt.local / Admin123! (admin, editor) and editor@jwt.local / Editor123! (editor).</summary>
public sealed class SampleUsers
{
    private const int Iterations = 10_000;
    private readonly SampleUser[] _users =
    [
        Create(1, "admin@jwt.local", "Ada Admin", "Admin123!", "admin", "editor"),
        Create(2, "editor@jwt.local", "Ed Editor", "Editor123!", "editor"),
    ];

    /// <summary>The user with this email and password, or null; the work is the same for an unknown email.</summary>
    public SampleUser? Verify(string? email, string? password)
    {
        var user = _users.FirstOrDefault(u => string.Equals(u.Email, email, StringComparison.OrdinalIgnoreCase));
        var salt = user?.Salt ?? new byte[16];
        var hash = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password ?? ""), salt, Iterations, HashAlgorithmName.SHA256, 32);
        return user is not null && CryptographicOperations.FixedTimeEquals(hash, user.Hash) ? user : null;
    }

    public SampleUser? Find(long id) => _users.FirstOrDefault(u => u.Id == id);

    private static SampleUser Create(long id, string email, string name, string password, params string[] roles)
    {
        var salt = RandomNumberGenerator.GetBytes(16);
        var hash = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, Iterations, HashAlgorithmName.SHA256, 32);
        return new SampleUser(id, email, name, roles, salt, hash);
    }
}
