namespace RefineSharp;

/// <summary>
/// The marker type of RefineSharp's default texts (Resources/RefineTexts.resx): inject
/// <c>IStringLocalizer&lt;RefineTexts&gt;</c>, or register your own localizer for it to change any text.
/// </summary>
public sealed class RefineTexts
{
    private RefineTexts()
    {
    }
}
