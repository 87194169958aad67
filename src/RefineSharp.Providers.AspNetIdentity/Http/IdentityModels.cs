namespace RefineSharp.Providers.AspNetIdentity.Http;

/// <summary>The body of /login and /refresh (Identity's AccessTokenResponse).</summary>
internal sealed record AccessTokenResponse(string? TokenType, string? AccessToken, long ExpiresIn, string? RefreshToken) : IWellFormed
{
    /// <summary>The longest token lifetime taken at face value (ten years); a longer one is nonsense, not a token.</summary>
    public const long MaxExpiresInSeconds = 10L * 366 * 24 * 60 * 60;

    /// <summary>Longer tokens cannot travel in a request header (servers refuse headers of this size), so they are garbage.</summary>
    public const int MaxTokenLength = 32 * 1024;

    /// <summary>
    /// True for what Identity sends: token type "Bearer", an access token, a lifetime of one second up to
    /// <see cref="MaxExpiresInSeconds"/>, and tokens made of visible ASCII that fit in a header.
    /// </summary>
    public bool IsWellFormed =>
        string.Equals(TokenType, "Bearer", StringComparison.OrdinalIgnoreCase) &&
        IsToken(AccessToken) &&
        (RefreshToken is null || IsToken(RefreshToken)) &&
        ExpiresIn is > 0 and <= MaxExpiresInSeconds;

    // RFC 6750's b64token and Identity's base64url tokens are visible ASCII; anything else would break the header.
    private static bool IsToken(string? value) =>
        !string.IsNullOrEmpty(value) && value.Length <= MaxTokenLength && value.All(c => c is > ' ' and < '\u007f');
}

/// <summary>The body of GET and POST /manage/info (Identity's InfoResponse).</summary>
internal sealed record InfoResponse(string? Email, bool IsEmailConfirmed);

/// <summary>A body-less success (for example /register and /forgotPassword).</summary>
internal sealed record NoContent;

/// <summary>A response body that can tell whether it holds what the Identity API sends; one that does not counts as unreadable.</summary>
internal interface IWellFormed
{
    /// <summary>True when every value is present and within its range.</summary>
    bool IsWellFormed { get; }
}

/// <summary>The body of GET and POST /manage/profile (MapIdentityProfile in RefineSharp.Providers.AspNetIdentity.Server).</summary>
internal sealed record ProfileResponse(string? Name, string? Avatar, string? Email, string? PendingEmail);
