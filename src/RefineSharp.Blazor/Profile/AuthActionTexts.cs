namespace RefineSharp.Blazor;

/// <summary>Core text keys the profile form falls back to.</summary>
internal static class AuthActionTexts
{
    public const string UpdateIdentityDescription = "notifications.updateIdentity.error.description";
}
