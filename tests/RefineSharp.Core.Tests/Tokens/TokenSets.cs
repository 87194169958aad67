using RefineSharp.Tokens;

namespace RefineSharp.Tests.Tokens;

/// <summary>Token sets for the token tests; the clock starts at <see cref="Start"/>.</summary>
internal static class TokenSets
{
    public static readonly DateTimeOffset Start = new(2030, 1, 1, 12, 0, 0, TimeSpan.Zero);

    public static TokenSet Fresh(string access = "access-1") =>
        new() { AccessToken = access, RefreshToken = "refresh-of-" + access, ExpiresAt = Start.AddHours(1) };

    public static TokenSet Expired(string access = "access-1") =>
        new() { AccessToken = access, RefreshToken = "refresh-of-" + access, ExpiresAt = Start.AddMinutes(-1) };
}
