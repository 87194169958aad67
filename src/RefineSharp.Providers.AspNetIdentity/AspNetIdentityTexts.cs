namespace RefineSharp.Providers.AspNetIdentity;

/// <summary>
/// The marker type of the provider's texts (Resources/AspNetIdentityTexts.resx): register your own
/// <c>IStringLocalizer&lt;AspNetIdentityTexts&gt;</c> to change them.
/// </summary>
public sealed class AspNetIdentityTexts
{
    private AspNetIdentityTexts()
    {
    }
}
