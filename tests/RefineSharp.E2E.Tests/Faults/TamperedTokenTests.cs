using RefineSharp.E2E.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace RefineSharp.E2E.Tests.Faults;

/// <summary>
/// The demo keeps its tokens in localStorage, encrypted with data protection. A value someone edited or forged there
/// must never count as a session: the next page load fails closed to the login page and the entry is removed.
/// </summary>
[Collection(DemoCollection.Name)]
public sealed class TamperedTokenTests(DemoFixture fixture)
{
    private const string StorageKey = "refine-sharp.tokens";

    [Theory]
    [InlineData("garbage")]
    [InlineData("{\"accessToken\":\"forged\",\"refreshToken\":\"forged\"}")]
    public async Task Reload_WithTamperedStoredTokens_GoesToLoginAndClearsThem(string tampered)
    {
        await using var session = await fixture.OpenAsync(nameof(Reload_WithTamperedStoredTokens_GoesToLoginAndClearsThem) + "-" + tampered.Length);
        await session.LoginAsync(TestUsers.EditorEmail, TestUsers.EditorPassword);
        Assert.NotNull(await session.Page.EvaluateAsync<string?>("key => localStorage.getItem(key)", StorageKey));

        await session.Page.EvaluateAsync("([key, value]) => localStorage.setItem(key, value)", new[] { StorageKey, tampered });
        await session.GotoAsync("/posts");

        await Expect(session.Page).ToHaveURLAsync(session.Url("/login?to=%2Fposts"));
        await Expect(session.Page.Locator("[data-posts], .shell-nav")).ToHaveCountAsync(0);
        Assert.Null(await session.Page.EvaluateAsync<string?>("key => localStorage.getItem(key)", StorageKey));
        await session.ScreenshotAsync("login-after-tampering");
    }
}
