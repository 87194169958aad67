using AngleSharp.Dom;
using Bunit;
using Microsoft.AspNetCore.Components;

namespace RefineSharp.Blazor.Tests.Kits;

/// <summary>
/// Types into any kit's inputs the way its component listens: native inputs (headless, MudBlazor) on "input", Fluent's
/// web components on "change". The suite finds every element by the ids and data attributes all kits share.
/// </summary>
internal static class KitDriver
{
    public static Task TypeAsync(this IRenderedComponent<IComponent> cut, string id, string value)
    {
        var element = cut.Find("#" + id);
        return element.HasAttribute("blazor:oninput")
            ? element.InputAsync(new ChangeEventArgs { Value = value })
            : element.ChangeAsync(new ChangeEventArgs { Value = value });
    }

    public static Task TickAsync(this IRenderedComponent<IComponent> cut, string id) =>
        cut.Find("#" + id).ChangeAsync(new ChangeEventArgs { Value = true });

    public static Task SubmitFormAsync(this IRenderedComponent<IComponent> cut) => cut.Find("form").SubmitAsync();

    public static IElement SubmitButton(this IRenderedComponent<IComponent> cut) => cut.Find("form [type=submit]");
}
