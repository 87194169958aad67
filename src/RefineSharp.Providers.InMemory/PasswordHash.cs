using System.Security.Cryptography;
using System.Text;

namespace RefineSharp.Providers.InMemory;

/// <summary>A salted PBKDF2 (SHA-256) password hash, compared in constant time.</summary>
internal sealed class PasswordHash
{
    private const int SaltSize = 16;
    private const int HashSize = 32;

    private readonly byte[] _salt;
    private readonly byte[] _hash;
    private readonly int _iterations;

    private PasswordHash(byte[] salt, byte[] hash, int iterations)
    {
        _salt = salt;
        _hash = hash;
        _iterations = iterations;
    }

    public static PasswordHash Create(string password, int iterations)
    {
        var salt = RandomNumberGenerator.GetBytes(SaltSize);
        return new PasswordHash(salt, Derive(password, salt, iterations), iterations);
    }

    public bool Matches(string? password) =>
        password is not null && CryptographicOperations.FixedTimeEquals(Derive(password, _salt, _iterations), _hash);

    private static byte[] Derive(string password, byte[] salt, int iterations) =>
        Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, iterations, HashAlgorithmName.SHA256, HashSize);
}
