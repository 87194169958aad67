using System.Diagnostics;
using Microsoft.AspNetCore.Identity;

namespace RefineSharp.AspNetCore.Diagnostics;

/// <summary>Wraps the app's password hasher to record each hash and verification as "hash" (the cost no sign-in can skip).</summary>
internal sealed class TimedPasswordHasher<TUser>(IPasswordHasher<TUser> inner) : IPasswordHasher<TUser>
    where TUser : class
{
    public string HashPassword(TUser user, string password)
    {
        var start = Stopwatch.GetTimestamp();
        try
        {
            return inner.HashPassword(user, password);
        }
        finally
        {
            ServerTimingRecorder.Current?.Add("hash", null, Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }
    }

    public PasswordVerificationResult VerifyHashedPassword(TUser user, string hashedPassword, string providedPassword)
    {
        var start = Stopwatch.GetTimestamp();
        try
        {
            return inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
        finally
        {
            ServerTimingRecorder.Current?.Add("hash", null, Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }
    }
}
