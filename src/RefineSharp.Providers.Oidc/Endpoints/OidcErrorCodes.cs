namespace RefineSharp.Providers.Oidc.Endpoints;

/// <summary>The fixed codes a failed sign-in or logout puts on the login page's URL (each maps to one text).</summary>
internal static class OidcErrorCodes
{
    public const string Refused = "refused";
    public const string Cancelled = "cancelled";
    public const string Unavailable = "unavailable";
    public const string UnknownProvider = "unknown-provider";
    public const string LogoutUnavailable = "logout-unavailable";
    public const string InvalidConfiguration = "invalid-configuration";
    public const string Expired = "expired";

    public static string? TextKey(string? code) => code switch
    {
        Refused => TextKeys.Refused,
        Cancelled => TextKeys.Cancelled,
        Unavailable => TextKeys.Unavailable,
        UnknownProvider => TextKeys.UnknownProvider,
        LogoutUnavailable => TextKeys.LogoutUnavailable,
        InvalidConfiguration => TextKeys.InvalidConfiguration,
        Expired => TextKeys.Expired,
        _ => null,
    };

    /// <summary>
    /// The code of a refused callback: OpenIddict's "token is no longer valid" (ID2019, named in its error_uri) is an
    /// answer that had already expired when it arrived, usually a clock that is off; anything else is "refused".
    /// </summary>
    public static string ForRefusal(string? error, string? errorUri) =>
        error == "access_denied" ? Cancelled
        : errorUri is not null && errorUri.EndsWith("/ID2019", StringComparison.Ordinal) ? Expired
        : Refused;
}
