namespace RefineSharp;

/// <summary>The keys of the default texts, named after refine's notification keys and translation keys.</summary>
internal static class TextKeys
{
    public const string NotSupportedTitle = "errors.notSupported.title";
    public const string TimeoutTitle = "errors.timeout.title";
    public const string TimeoutDescription = "errors.timeout.description";
    public const string InvalidResultTitle = "errors.invalidResult.title";
    public const string InvalidResultDescription = "errors.invalidResult.description";
    public const string SessionEndedTitle = "notifications.sessionEnded.title";
    public const string SessionEndedDescription = "notifications.sessionEnded.description";
    public const string UnexpectedTitle = "errors.unexpected.title";
    public const string UnexpectedDescription = "errors.unexpected.description";
}
