using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using RefineSharp.E2E.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace RefineSharp.E2E.Tests.Wasm;

/// <summary>
/// The hosted sample hands the prerender's auth snapshot to the WebAssembly app (persistent component state): a reload
/// of a guarded page goes from the prerendered content straight to the interactive content, never through "Loading",
/// and a forged snapshot shows nothing protected once the host's first check has said "signed out".
/// </summary>
[Collection(DemoCollection.Name)]
public sealed partial class WasmHandoffTests(DemoFixture fixture, WasmDemoFixture wasm)
{
    private const string StateKey = "refine:auth-state";

    /// <summary>
    /// Reports every DOM change of the document (each one a "frame" of the guard region) to the test, in order and
    /// across full page loads; the test stamps each with whether the host's check (and the permissions, the last call of
    /// the first snapshot) had answered by then, as the browser's network saw it.
    /// </summary>
    private const string FrameRecorder = """
        (() => {
          const record = () => document.readyState !== 'loading' && window.__refineFrame(JSON.stringify({
            path: location.pathname + location.search,
            loading: !!document.querySelector('[data-app-loading]'),
            admin: !!document.querySelector('[data-admin]'),
            user: document.querySelector('[data-user-name]')?.textContent ?? null,
            interactive: !!document.querySelector('[data-refine-interactive]'),
          }));
          window.__refineRecord = record;
          new MutationObserver(record).observe(document, { childList: true, subtree: true, characterData: true, attributes: true });
          document.addEventListener('DOMContentLoaded', record);
        })();
        """;

    [Fact]
    public async Task Reload_SignedInGuardedPage_NeverShowsLoadingAndTheContentNeverDisappears()
    {
        await using var session = await fixture.OpenAsync(nameof(Reload_SignedInGuardedPage_NeverShowsLoadingAndTheContentNeverDisappears), wasm.Hosted);
        await SignInAsync(session, WasmApp.AdminEmail, WasmApp.AdminPassword);
        var frames = await RecordFramesAsync(session.Page);

        var response = await session.Page.GotoAsync("/admin");
        Assert.NotNull(response);
        Assert.Contains("Blazor-WebAssembly-Component-State", await response.TextAsync(), StringComparison.Ordinal);
        await WaitUntilSettledAsync(session.Page, frames);
        await session.ScreenshotAsync("handoff-after-first-check");

        var seen = Snapshot(frames);
        Assert.Contains(seen, f => f.Interactive);
        Assert.True(seen[^1].Settled);
        Assert.DoesNotContain(seen, f => f.Loading);
        var first = seen.FindIndex(f => f.Admin);
        Assert.Equal(0, first); // the first HTML already shows it at DOMContentLoaded
        Assert.All(seen, f => Assert.True(f.Admin && f.User == WasmApp.AdminEmail, $"content gone in frame {f}"));
        Assert.All(seen, f => Assert.Equal("/admin", f.Path));
    }

    [Fact]
    public async Task Reload_HandoffRemovedFromTheHtml_TheRecorderSeesTheLoadingFlash()
    {
        // The control: the same reload without the handed-over state flashes "Loading", so the recorder can see one.
        await using var session = await fixture.OpenAsync(nameof(Reload_HandoffRemovedFromTheHtml_TheRecorderSeesTheLoadingFlash), wasm.Hosted);
        await SignInAsync(session, WasmApp.AdminEmail, WasmApp.AdminPassword);
        var frames = await RecordFramesAsync(session.Page);
        await RewriteDocumentAsync(session.Page, "/admin", html => StateComment().Replace(html, string.Empty, 1));

        await session.Page.GotoAsync("/admin");
        await WaitUntilSettledAsync(session.Page, frames);

        var seen = Snapshot(frames);
        Assert.True(seen[0].Admin, "the prerendered HTML shows the content");
        Assert.Contains(seen, f => f.Loading && !f.Admin);
        Assert.True(seen[^1].Settled);
        Assert.True(seen[^1].Admin && !seen[^1].Loading, "the check's answer brings the content back");
    }

    [Fact]
    public async Task Reload_ForgedAdminStateAfterLogout_ShowsNothingProtectedOnceTheCheckSaysSignedOut()
    {
        await using var session = await fixture.OpenAsync(nameof(Reload_ForgedAdminStateAfterLogout_ShowsNothingProtectedOnceTheCheckSaysSignedOut), wasm.Hosted);
        await SignInAsync(session, WasmApp.ViewerEmail, WasmApp.ViewerPassword);

        // A real page of the viewer (access denied on /admin) whose handed-over state is edited to claim the admin role
        // and another name; then the session ends on the host, so the page is replayed to a signed-out browser.
        var page = await session.Context.APIRequest.GetAsync("/admin");
        var html = await page.TextAsync();
        Assert.Contains("data-access-denied", html, StringComparison.Ordinal);
        const string forgedName = "Mallory Forged";
        var forged = Forge(html, forgedName);
        await session.Page.Locator("[data-action=logout]").ClickAsync();
        await Expect(session.Page).ToHaveURLAsync(session.UrlWithAnyQuery("/login"));

        var frames = await RecordFramesAsync(session.Page);
        await RewriteDocumentAsync(session.Page, "/admin", _ => forged);
        await session.Page.GotoAsync("/admin");
        await Expect(session.Page).ToHaveURLAsync(session.Url("/login?to=%2Fadmin"));
        await Expect(session.Page.Locator("#email")).ToBeVisibleAsync();
        await session.ScreenshotAsync("handoff-forged-after-check");

        var seen = Snapshot(frames);

        // The forged state was read (it seeded the display) ...
        Assert.Contains(seen, f => f.User == forgedName && !f.CheckAnswered);

        // ... and once the check said "signed out", the first frame without protected content is followed by no frame
        // with any: not the admin card, not the forged name, on /admin or on the login page it redirects to.
        var afterCheck = seen.SkipWhile(f => !f.CheckAnswered || f.Admin || f.User is not null).ToList();
        Assert.NotEmpty(afterCheck);
        Assert.All(afterCheck, f => Assert.False(f.Admin || f.User is not null, $"protected content after the check: {f}"));
    }

    /// <summary>The page with its handed-over snapshot edited: admin permissions and another name.</summary>
    private static string Forge(string html, string name)
    {
        var match = StateComment().Match(html);
        Assert.True(match.Success, "the page carries the handed-over state");
        var store = JsonNode.Parse(Convert.FromBase64String(match.Groups[1].Value))!.AsObject();
        var snapshot = JsonNode.Parse(Convert.FromBase64String(store[StateKey]!.GetValue<string>()))!.AsObject();
        Assert.True(snapshot["authenticated"]!.GetValue<bool>());
        Assert.DoesNotContain("admin", snapshot["permissions"]!.ToJsonString(), StringComparison.Ordinal);
        snapshot["permissions"] = new JsonArray("admin");
        snapshot["identity"]!["name"] = name;
        store[StateKey] = Convert.ToBase64String(Encoding.UTF8.GetBytes(snapshot.ToJsonString()));
        var blob = Convert.ToBase64String(Encoding.UTF8.GetBytes(store.ToJsonString()));
        return html[..match.Groups[1].Index] + blob + html[(match.Groups[1].Index + match.Groups[1].Length)..];
    }

    /// <summary>Serves the document at <paramref name="path"/> from the real host, rewritten by <paramref name="rewrite"/>.</summary>
    private static Task RewriteDocumentAsync(IPage page, string path, Func<string, string> rewrite) =>
        page.RouteAsync(url => new Uri(url).AbsolutePath == path, async route =>
        {
            if (route.Request.ResourceType != "document")
            {
                await route.ContinueAsync();
                return;
            }

            var original = await route.FetchAsync();
            await route.FulfillAsync(new RouteFulfillOptions { Response = original, Body = rewrite(await original.TextAsync()) });
        });

    private static async Task<Recorder> RecordFramesAsync(IPage page)
    {
        var recorder = new Recorder();
        page.Response += (_, response) =>
        {
            recorder.CheckAnswered |= response.Url.Contains("/_refine/session/check", StringComparison.Ordinal);
            if (response.Url.Contains("/_refine/session/permissions", StringComparison.Ordinal))
            {
                recorder.Settled.TrySetResult();
            }
        };
        await page.ExposeFunctionAsync("__refineFrame", (string json) => recorder.Frames.Enqueue(
            JsonSerializer.Deserialize<Frame>(json, new JsonSerializerOptions(JsonSerializerDefaults.Web))! with
            {
                CheckAnswered = recorder.CheckAnswered,
                Settled = recorder.Settled.Task.IsCompleted,
            }));
        await page.AddInitScriptAsync(FrameRecorder);
        return recorder;
    }

    /// <summary>Waits (a bound, not a timing) until the app is interactive and its first snapshot has been worked out and rendered.</summary>
    private static async Task WaitUntilSettledAsync(IPage page, Recorder recorder)
    {
        await page.Locator("[data-refine-interactive]").First.WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = 120_000 });
        await recorder.Settled.Task.WaitAsync(TimeSpan.FromSeconds(60));

        // Let the answer's render reach the DOM and be reported.
        await page.EvaluateAsync("() => new Promise(r => setTimeout(r, 500))");
        await page.EvaluateAsync("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => r(null))))");

        // One last frame: the answer may equal the seed, and then it changes nothing in the DOM (no mutation to report).
        await page.EvaluateAsync("() => window.__refineRecord()");
    }

    /// <summary>Signs in on the static login page and waits until the WebAssembly app runs the home page.</summary>
    private static async Task SignInAsync(BrowserSession session, string email, string password)
    {
        await BrowserSession.GotoAsync(session.Page, "/login");
        await session.SubmitLoginAsync(email, password);
        await Expect(session.Page).ToHaveURLAsync(session.Url("/"));
        await Expect(session.Page.Locator("[data-user-name]")).ToHaveTextAsync(email);
        await session.Page.Locator("[data-refine-interactive]").First.WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = 120_000 });
    }

    private static List<Frame> Snapshot(Recorder recorder)
    {
        var list = recorder.Frames.ToList();
        Assert.NotEmpty(list);
        return list;
    }

    [GeneratedRegex("<!--Blazor-WebAssembly-Component-State:([A-Za-z0-9+/=]+)-->")]
    private static partial Regex StateComment();

    /// <summary>The frames reported so far, and what the browser's network had answered.</summary>
    private sealed class Recorder
    {
        public ConcurrentQueue<Frame> Frames { get; } = new();

        public TaskCompletionSource Settled { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public bool CheckAnswered { get; set; }
    }

    private sealed record Frame(string Path, bool Loading, bool Admin, string? User, bool Interactive, bool CheckAnswered, bool Settled);
}
