using Microsoft.Playwright;
using RefineSharp.E2E.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace RefineSharp.E2E.Tests.Sessions;

/// <summary>
/// Where scripts run, the static sign-in form posts through Blazor's enhanced form handling (AuthFormBase.EnhancedPost):
/// the answer is merged into the same document, so a sign-in loads no second page. These tests tell the two ways apart
/// by a mark left on the first document's window, which a page load wipes, and attack what could go wrong: the wrong
/// password, a post that never gets an answer, a hostile return path.
/// </summary>
[Collection(DemoCollection.Name)]
public sealed class EnhancedSignInTests(DemoFixture fixture)
{
    [Fact]
    public async Task Login_ScriptsRunning_SignsInWithinTheSameDocumentAndStartsTheCircuit()
    {
        await using var session = await fixture.OpenAsync(nameof(Login_ScriptsRunning_SignsInWithinTheSameDocumentAndStartsTheCircuit));
        var page = session.Page;
        var posts = CountSignInPosts(page);
        await OpenLoginWhenEnhancedAsync(page, "/login?to=%2Fposts");

        await BrowserSession.SubmitLoginAsync(page, TestUsers.EditorEmail, TestUsers.EditorPassword);

        await Expect(page).ToHaveURLAsync(session.Url("/posts"));
        await Expect(page.Locator("[data-posts]")).ToBeVisibleAsync();
        await BrowserSession.WaitForCircuitAsync(page);
        Assert.True(await SameDocumentAsync(page), "the sign-in loaded a new document: the post was not enhanced");
        Assert.Single(posts);
        Assert.DoesNotContain(".refine.session", await page.EvaluateAsync<string>("() => document.cookie"), StringComparison.Ordinal);
        Assert.Contains(await session.Context.CookiesAsync(), c => c.Name == ".refine.session" && c.HttpOnly);
        await session.ScreenshotAsync("enhanced-signed-in");
    }

    [Fact]
    public async Task Login_ScriptsRunningWrongPassword_MergesTheErrorForgetsThePasswordAndTheNextTryIsEnhancedToo()
    {
        var email = await TestUsers.RegisterAsync(fixture.Server, "enhwrong");
        await using var session = await fixture.OpenAsync(nameof(Login_ScriptsRunningWrongPassword_MergesTheErrorForgetsThePasswordAndTheNextTryIsEnhancedToo));
        var page = session.Page;
        await OpenLoginWhenEnhancedAsync(page, "/login");

        await BrowserSession.SubmitLoginAsync(page, email, "Wrong-Passw0rd!");

        await Expect(page.Locator("[data-notification-key=login-error]")).ToBeVisibleAsync();
        await Expect(page).ToHaveURLAsync(session.Url("/login"));
        await Expect(page.Locator("#email")).ToHaveValueAsync(email);
        await Expect(page.Locator("#password")).ToHaveValueAsync(string.Empty);
        await Expect(page.Locator("form[data-enhance]")).ToHaveCountAsync(1);
        await Expect(page.Locator("form[aria-busy]")).ToHaveCountAsync(0);
        await Expect(page.Locator("button[type=submit]")).ToBeEnabledAsync();
        Assert.DoesNotContain("Wrong-Passw0rd!", await page.ContentAsync(), StringComparison.Ordinal);
        Assert.True(await SameDocumentAsync(page), "the wrong password loaded a new document");

        await BrowserSession.SubmitLoginAsync(page, email, TestUsers.Password);

        await Expect(page).ToHaveURLAsync(session.Url("/"));
        await Expect(page.Locator("[data-identity-card]")).ToContainTextAsync(email);
        Assert.True(await SameDocumentAsync(page), "the second try loaded a new document");
    }

    [Fact]
    public async Task Login_EnhancedPostGetsNoAnswer_IsSentAgainAsAPlainPostAndSignsIn()
    {
        await using var session = await fixture.OpenAsync(nameof(Login_EnhancedPostGetsNoAnswer_IsSentAgainAsAPlainPostAndSignsIn));
        var page = session.Page;
        var posts = CountSignInPosts(page);
        var refused = 0;
        await page.RouteAsync("**/login*", async route =>
        {
            // The first post dies as if the network dropped it; anything after that goes through.
            if (route.Request.Method == "POST" && Interlocked.Increment(ref refused) == 1)
            {
                await route.AbortAsync("connectionreset");
                return;
            }

            await route.ContinueAsync();
        });
        await OpenLoginWhenEnhancedAsync(page, "/login?to=%2Fposts");

        await BrowserSession.SubmitLoginAsync(page, TestUsers.EditorEmail, TestUsers.EditorPassword);

        // Without the fallback the page would stay on the filled form, with nothing said.
        await Expect(page).ToHaveURLAsync(session.Url("/posts"));
        await Expect(page.Locator("[data-posts]")).ToBeVisibleAsync();
        Assert.Equal(2, posts.Count);
        Assert.False(await SameDocumentAsync(page), "the retry should be a plain post, which loads a new document");
    }

    [Fact]
    public async Task Login_SlowAnswer_TheFormIsBusyAndAnEnterMeanwhileSendsNothingMore()
    {
        await using var session = await fixture.OpenAsync(nameof(Login_SlowAnswer_TheFormIsBusyAndAnEnterMeanwhileSendsNothingMore));
        var page = session.Page;
        var posts = CountSignInPosts(page);
        await page.RouteAsync("**/login*", async route =>
        {
            if (route.Request.Method == "POST")
            {
                await Task.Delay(TimeSpan.FromSeconds(2));
            }

            await route.ContinueAsync();
        });
        await OpenLoginWhenEnhancedAsync(page, "/login");

        await BrowserSession.SubmitLoginAsync(page, TestUsers.EditorEmail, TestUsers.EditorPassword);

        // A fetch has no loading indicator of its own: the form says it is busy, as the interactive form does.
        await Expect(page.Locator("button[type=submit]")).ToBeDisabledAsync();
        await Expect(page.Locator("form[data-refine-auth-form]")).ToHaveAttributeAsync("aria-busy", "true");
        await page.Locator("#password").PressAsync("Enter");

        await Expect(page.Locator("[data-identity-card]")).ToBeVisibleAsync();
        await Expect(page).ToHaveURLAsync(session.Url("/"));
        Assert.Single(posts);
        Assert.True(await SameDocumentAsync(page));
    }

    [Theory]
    [InlineData("//evil.example/x")]
    [InlineData("https://evil.example/")]
    [InlineData("/\\evil.example")]
    [InlineData("javascript:alert(1)")]
    public async Task Login_EnhancedPostWithHostileReturnPath_StaysOnThisSite(string to)
    {
        await using var session = await fixture.OpenAsync(nameof(Login_EnhancedPostWithHostileReturnPath_StaysOnThisSite));
        var page = session.Page;
        var foreign = new List<string>();
        page.Request += (_, request) =>
        {
            if (!request.Url.StartsWith(session.BaseUrl, StringComparison.Ordinal) && !request.Url.StartsWith("data:", StringComparison.Ordinal))
            {
                foreign.Add(request.Url);
            }
        };
        await OpenLoginWhenEnhancedAsync(page, "/login?to=" + Uri.EscapeDataString(to));

        await BrowserSession.SubmitLoginAsync(page, TestUsers.EditorEmail, TestUsers.EditorPassword);

        await Expect(page.Locator("[data-identity-card]")).ToBeVisibleAsync();
        Assert.StartsWith(session.BaseUrl + "/", page.Url, StringComparison.Ordinal);
        Assert.Empty(foreign);
    }

    // Opens the login page, marks its window and waits until blazor.web.js has started, which is when it takes over the
    // form's submit (RefineSharp's initializer, which registers its window listener after that, is the signal). A click
    // before that is a plain post, as for a user whose scripts have not arrived yet.
    private static async Task OpenLoginWhenEnhancedAsync(IPage page, string pathAndQuery)
    {
        await page.AddInitScriptAsync("""
            (() => {
              const add = EventTarget.prototype.addEventListener;
              EventTarget.prototype.addEventListener = function (type, listener, options) {
                if (this === window && type === "submit") window.__refineSubmitWatched = true;
                return add.call(this, type, listener, options);
              };
            })();
            """);
        await BrowserSession.GotoAsync(page, pathAndQuery);
        await page.WaitForFunctionAsync("() => window.__refineSubmitWatched === true");
        await page.EvaluateAsync("() => { window.__firstDocument = true; }");
    }

    private static Task<bool> SameDocumentAsync(IPage page) => page.EvaluateAsync<bool>("() => window.__firstDocument === true");

    private static List<IRequest> CountSignInPosts(IPage page)
    {
        var posts = new List<IRequest>();
        page.Request += (_, request) =>
        {
            if (request.Method == "POST" && new Uri(request.Url).AbsolutePath == "/login")
            {
                posts.Add(request);
            }
        };
        return posts;
    }
}
