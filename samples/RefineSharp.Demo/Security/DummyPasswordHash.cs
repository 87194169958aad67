using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;

namespace RefineSharp.Demo.Security;

/// <summary>
/// A password hash of no account, made once with the app's own <see cref="IPasswordHasher{TUser}"/> (the same
/// algorithm and iteration count as real accounts): verifying a password against it costs what a real check costs.
/// Scoped like Identity's hasher; the hash itself is made once per process (a race makes it twice, harmlessly).
/// </summary>
public sealed class DummyPasswordHash(IPasswordHasher<IdentityUser> hasher)
{
    private static readonly IdentityUser Nobody = new() { UserName = "nobody" };
    private static string? s_hash;

    /// <summary>Verifies <paramref name="password"/> against the dummy hash and throws the answer away.</summary>
    public void Verify(string password)
    {
        var hash = s_hash ??= hasher.HashPassword(Nobody, Convert.ToBase64String(RandomNumberGenerator.GetBytes(18)));
        _ = hasher.VerifyHashedPassword(Nobody, hash, password);
    }
}
