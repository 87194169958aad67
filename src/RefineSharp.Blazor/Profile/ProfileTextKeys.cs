namespace RefineSharp.Blazor;

/// <summary>The profile form's text keys, in the core texts (<c>IStringLocalizer&lt;RefineTexts&gt;</c>, English and German).</summary>
internal static class ProfileTextKeys
{
    public const string Title = "pages.profile.title";
    public const string Name = "pages.profile.fields.name";
    public const string Email = "pages.profile.fields.email";
    public const string Avatar = "pages.profile.fields.avatar";
    public const string Submit = "pages.profile.buttons.submit";
    public const string NothingChanged = "pages.profile.errors.nothingChanged";
}
