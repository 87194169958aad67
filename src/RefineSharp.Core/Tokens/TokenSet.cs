namespace RefineSharp.Tokens;

/// <summary>The tokens a token-based provider keeps for the signed-in user.</summary>
public sealed record TokenSet
{
    /// <summary>The access token sent as the bearer on API calls.</summary>
    public required string AccessToken { get; init; }

    /// <summary>The token used to get a new access token, when the backend issues one.</summary>
    public string? RefreshToken { get; init; }

    /// <summary>The OpenID Connect id token, when there is one.</summary>
    public string? IdToken { get; init; }

    /// <summary>When the access token expires, when known.</summary>
    public DateTimeOffset? ExpiresAt { get; init; }

    /// <summary>The scheme of the Authorization header. Default: "Bearer".</summary>
    public string TokenType { get; init; } = "Bearer";

    /// <summary>Hides the token values so that a logged or printed TokenSet never leaks them.</summary>
    public override string ToString() =>
        $"TokenSet {{ AccessToken = ***, RefreshToken = {(RefreshToken is null ? "null" : "***")}, ExpiresAt = {ExpiresAt:O} }}";
}
