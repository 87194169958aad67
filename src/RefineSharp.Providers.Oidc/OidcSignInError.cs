using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Localization;
using RefineSharp.Providers.Oidc.Endpoints;

namespace RefineSharp.Providers.Oidc;

/// <summary>
/// Shows why the last sign-in or logout through the identity provider failed (put it on the login page): the URL
/// carries only a fixed code and a configured provider's name, which this component turns into a localized message.
/// An unknown code shows nothing, so a crafted link cannot put text of its own on the page.
/// </summary>
public sealed class OidcSignInError : ComponentBase
{
    /// <summary>The query parameter with the error code.</summary>
    public const string CodeParameter = "oidc-error";

    /// <summary>The query parameter with the provider's name.</summary>
    public const string ProviderParameter = "oidc-provider";

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private IStringLocalizer<OidcTexts> Texts { get; set; } = default!;

    [Inject]
    private OidcProviderLookup Providers { get; set; } = default!;

    /// <inheritdoc />
    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var query = QueryHelpers.ParseQuery(new Uri(Navigation.Uri).Query);
        if (!query.TryGetValue(CodeParameter, out var code) || OidcErrorCodes.TextKey(code.ToString()) is not { } key)
        {
            return;
        }

        var provider = query.TryGetValue(ProviderParameter, out var name) ? Providers.ByName(name.ToString()) : null;
        builder.OpenElement(0, "div");
        builder.AddAttribute(1, "class", "refine-error-summary");
        builder.AddAttribute(2, "role", "alert");
        builder.AddAttribute(3, "data-oidc-error", code.ToString());
        builder.OpenElement(4, "strong");
        builder.AddContent(5, Texts[TextKeys.FailedTitle]);
        builder.CloseElement();
        builder.OpenElement(6, "p");
        builder.AddContent(7, Texts[key, provider?.ShownName ?? "?"].Value);
        builder.CloseElement();
        builder.CloseElement();
    }
}
