using System.Globalization;
using System.Resources;

namespace RefineSharp;

/// <summary>
/// The default texts (Resources/RefineTexts*.resx) in the current UI culture, for the few places that have no
/// <c>IStringLocalizer</c> at hand (a static factory). Everything else reads them through the localizer.
/// </summary>
internal static class DefaultTexts
{
    private static readonly ResourceManager Resources = new("RefineSharp.Resources.RefineTexts", typeof(RefineTexts).Assembly);

    /// <summary>The text of <paramref name="key"/> in <see cref="CultureInfo.CurrentUICulture"/>, or the key when it is missing.</summary>
    public static string Get(string key) => Resources.GetString(key, CultureInfo.CurrentUICulture) ?? key;
}
