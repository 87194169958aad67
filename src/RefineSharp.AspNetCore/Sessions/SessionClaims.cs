using System.Security.Claims;

namespace RefineSharp.AspNetCore.Sessions;

/// <summary>The claim that carries a session's key inside the session cookie's principal.</summary>
public static class SessionClaims
{
    /// <summary>The claim type of the session key (256 random bits, base64url).</summary>
    public const string SessionId = "refine:sid";

    /// <summary>The session key of <paramref name="user"/>, or null when it carries none.</summary>
    public static string? SessionKey(ClaimsPrincipal? user)
    {
        var value = user?.FindFirst(SessionId)?.Value;
        return string.IsNullOrEmpty(value) ? null : value;
    }
}
