using Microsoft.Playwright;
using RefineSharp.E2E.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace RefineSharp.E2E.Tests.Wasm;

/// <summary>The WebAssembly demo's accounts, and the steps its browser tests repeat.</summary>
internal static class WasmApp
{
    public const string AdminEmail = "ann@wasm.local";
    public const string AdminPassword = "Ann12345!";
    public const string AdminName = "Ann Admin";
    public const string ViewerEmail = "bob@wasm.local";
    public const string ViewerPassword = "Bob12345!";
    public const string ViewerName = "Bob Viewer";

    /// <summary>
    /// Records, from the first byte of the document, what was in the DOM before the app became interactive:
    /// whether the guard's Loading slot showed, and which of the login form or the protected content did (none may).
    /// </summary>
    public const string BeforeInteractiveWatcher = """
        window.__beforeInteractive = { loading: false, leaked: [], interactive: false };
        (() => {
          const watched = ['[data-refine-auth-page]', '#password', '[data-user-name]', '[data-admin]', '[data-access-denied]', '[data-action=logout]'];
          const check = () => {
            const w = window.__beforeInteractive;
            if (w.interactive) return;
            if (document.querySelector('[data-refine-interactive]')) { w.interactive = true; return; }
            if (document.querySelector('[data-app-loading]')) w.loading = true;
            for (const selector of watched) {
              if (document.querySelector(selector) && !w.leaked.includes(selector)) w.leaked.push(selector);
            }
          };
          new MutationObserver(check).observe(document, { childList: true, subtree: true, attributes: true });
        })();
        """;

    /// <summary>
    /// Loads <paramref name="pathAndQuery"/> (a new document, so a new browser app and a new in-memory session) and
    /// waits until the app runs. Downloading and starting the .NET runtime takes longer than a circuit, most of all
    /// on the first visit of a busy machine: the bound is generous, and it is a bound, not a timing.
    /// </summary>
    public static async Task<IResponse?> GotoAsync(BrowserSession session, string pathAndQuery)
    {
        var response = await session.Page.GotoAsync(pathAndQuery);
        await session.Page.Locator("[data-refine-interactive]").First.WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = 120_000 });
        return response;
    }

    /// <summary>Opens /login, signs in and waits for the home page with the user's name.</summary>
    public static async Task LoginAsync(BrowserSession session, string email, string password, string shownName)
    {
        await GotoAsync(session, "/login");
        await session.SubmitLoginAsync(email, password);
        await Expect(session.Page).ToHaveURLAsync(session.Url("/"));
        await Expect(session.Page.Locator("[data-user-name]")).ToHaveTextAsync(shownName);
    }
}
