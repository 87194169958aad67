namespace RefineSharp.Blazor;

/// <summary>
/// The marker type of the page texts (Resources/RefineBlazorTexts.resx): inject
/// <c>IStringLocalizer&lt;RefineBlazorTexts&gt;</c>, or register your own localizer for it to change any text.
/// </summary>
public sealed class RefineBlazorTexts
{
    private RefineBlazorTexts()
    {
    }
}
