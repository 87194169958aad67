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

    // PBKDF2's HMAC pads a short key with zero bytes, so "secret" and "secret\0" would derive the same hash (the
    // conformance suite signed in with the latter). The length in front of the bytes makes the key unambiguous.
    private static byte[] Derive(string password, byte[] salt, int iterations)
    {
        var text = Encoding.UTF8.GetBytes(password);
        var key = new byte[sizeof(int) + text.Length];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(key, text.Length);
        text.CopyTo(key, sizeof(int));
        return Rfc2898DeriveBytes.Pbkdf2(key, salt, iterations, HashAlgorithmName.SHA256, HashSize);
    }
}
