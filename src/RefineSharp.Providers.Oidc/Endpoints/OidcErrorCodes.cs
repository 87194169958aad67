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

    public static string? TextKey(string? code) => code switch
    {
        Refused => TextKeys.Refused,
        Cancelled => TextKeys.Cancelled,
        Unavailable => TextKeys.Unavailable,
        UnknownProvider => TextKeys.UnknownProvider,
        LogoutUnavailable => TextKeys.LogoutUnavailable,
        InvalidConfiguration => TextKeys.InvalidConfiguration,
        _ => null,
    };
}
