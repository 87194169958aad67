namespace RefineSharp.Providers.AspNetIdentity.Http;

/// <summary>The body of /login and /refresh (Identity's AccessTokenResponse).</summary>
internal sealed record AccessTokenResponse(string? TokenType, string? AccessToken, long ExpiresIn, string? RefreshToken);

/// <summary>The body of GET and POST /manage/info (Identity's InfoResponse).</summary>
internal sealed record InfoResponse(string? Email, bool IsEmailConfirmed);

/// <summary>A body-less success (for example /register and /forgotPassword).</summary>
internal sealed record NoContent;
