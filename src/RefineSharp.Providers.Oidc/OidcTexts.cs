namespace RefineSharp.Providers.Oidc;

/// <summary>
/// The marker type of the provider's texts (Resources/OidcTexts.resx): register your own
/// <c>IStringLocalizer&lt;OidcTexts&gt;</c> to change them.
/// </summary>
public sealed class OidcTexts
{
    private OidcTexts()
    {
    }
}
