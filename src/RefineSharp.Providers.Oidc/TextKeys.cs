namespace RefineSharp.Providers.Oidc;

/// <summary>The keys of the provider's texts (Resources/OidcTexts.en.tsv).</summary>
internal static class TextKeys
{
    public const string FailedTitle = "signIn.failed.title";
    public const string Refused = "signIn.refused";
    public const string Cancelled = "signIn.cancelled";
    public const string Unavailable = "signIn.unavailable";
    public const string UnknownProvider = "signIn.unknownProvider";
    public const string LogoutUnavailable = "logout.unavailable";
    public const string InvalidConfiguration = "signIn.invalidConfiguration";
    public const string Expired = "signIn.expired";
    public const string SessionEndedTitle = "session.ended.title";
    public const string SessionEnded = "session.ended";
}
