using Microsoft.Playwright;

namespace RefineSharp.E2E.Tests.Kits;

/// <summary>The kits sample's account, and the locators every kit's pages share (ids and data attributes).</summary>
internal static class KitPage
{
    public const string Email = "ann@kits.local";
    public const string Password = "Kits123!";

    /// <summary>An input by id: native inputs carry the id themselves; Fluent's web components carry it on the host, the input is in its shadow root.</summary>
    public static ILocator Input(IPage page, string id) => page.Locator($"input#{id}, #{id} input").First;

    /// <summary>Waits until every custom element of the page is defined (Fluent's web components; none in the other kits).</summary>
    public static Task ScriptsDefinedAsync(IPage page) =>
        page.WaitForFunctionAsync("() => document.querySelectorAll(':not(:defined)').length === 0");

    /// <summary>
    /// The kit's own notification with <paramref name="text"/> on an interactive page: MudBlazor's snackbar, Fluent's
    /// toast, the headless toast (which carries the notification's key).
    /// </summary>
    public static ILocator InteractiveNotification(IPage page, string kit, string key, string text) => kit switch
    {
        "MudBlazor" => page.Locator(".mud-snackbar", new() { HasText = text }),
        "Fluent" => page.Locator("fluent-toast-b", new() { HasText = text }),
        _ => page.Locator($"[data-notification-key={key}]", new() { HasText = text }),
    };
}
