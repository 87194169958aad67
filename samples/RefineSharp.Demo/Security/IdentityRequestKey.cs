namespace RefineSharp.Demo.Security;

/// <summary>
/// What <see cref="IdentityRequestValidation"/> learned from a valid /identity request body, for the rate limiter:
/// the account it is about (the normalized email, or a hash of the refresh token for /refresh). A request feature.
/// </summary>
public sealed class IdentityRequestKey(string account)
{
    /// <summary>The account key: "email:" + the normalized email, or "token:" + a SHA-256 prefix of the refresh token.</summary>
    public string Account { get; } = account;
}
