using System.Collections.Concurrent;
using Microsoft.AspNetCore.Identity;

namespace RefineSharp.Demo.Tests.Security;

/// <summary>Identity's own hasher, counting the password verifications per account email ("(none)" for the dummy hash).</summary>
public sealed class CountingPasswordHasher(IPasswordHasher<IdentityUser> inner, ConcurrentDictionary<string, int> counts) : IPasswordHasher<IdentityUser>
{
    public const string NoAccount = "(none)";

    public string HashPassword(IdentityUser user, string password) => inner.HashPassword(user, password);

    public PasswordVerificationResult VerifyHashedPassword(IdentityUser user, string hashedPassword, string providedPassword)
    {
        counts.AddOrUpdate(user.Email ?? NoAccount, 1, (_, n) => n + 1);
        return inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
    }
}
