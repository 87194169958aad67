using System.Text.RegularExpressions;
using RefineSharp.E2E.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace RefineSharp.E2E.Tests.Tokens;

/// <summary>
/// A server whose access tokens live 31 s: with the default 30 s refresh skew the client renews them on the first
/// call a second after sign-in. Request logs are on, so the refresh requests can be counted in the server output.
/// </summary>
public sealed class RefreshingTokenServerFixture() : OwnServerFixture(new Dictionary<string, string>
{
    ["Demo__AccessTokenLifetime"] = "00:00:31",
    ["Logging__LogLevel__Microsoft.AspNetCore.Hosting.Diagnostics"] = "Information",
});

[Collection(DemoCollection.Name)]
public sealed partial class TokenRefreshTests(DemoFixture fixture, RefreshingTokenServerFixture own) : IClassFixture<RefreshingTokenServerFixture>
{
    [Fact]
    public async Task ExpiringAccessToken_OnNextApiCall_IsRefreshedWithoutLeavingThePage()
    {
        var server = own.Server;
        await using var session = await fixture.OpenAsync(nameof(ExpiringAccessToken_OnNextApiCall_IsRefreshedWithoutLeavingThePage), server);
        var visited = new List<string>();
        session.Page.FrameNavigated += (_, frame) =>
        {
            lock (visited)
            {
                visited.Add(frame.Url);
            }
        };
        await session.GotoAsync("/login");
        await session.SubmitLoginAsync(TestUsers.EditorEmail, TestUsers.EditorPassword);
        await Expect(session.Page.Locator("[data-identity-card]")).ToBeVisibleAsync();
        lock (visited)
        {
            visited.Clear();
        }

        // Waiting for the token to enter its 30 s refresh window (1 s after it was issued), not for the page.
        await Task.Delay(TimeSpan.FromSeconds(2));
        await session.Page.Locator(".shell-nav a[href='/posts']").ClickAsync();

        await Expect(session.Page.Locator("[data-posts]")).ToBeVisibleAsync();
        await Expect(session.Page).ToHaveURLAsync(session.Url("/posts"));
        await Expect(session.Page.Locator("[data-notification-key]")).ToHaveCountAsync(0);
        await server.WaitForOutputAsync(RefreshRequest());
        Assert.True(RefreshRequest().Count(server.Output) >= 1);
        lock (visited)
        {
            Assert.DoesNotContain(visited, url => new Uri(url).AbsolutePath.StartsWith("/login", StringComparison.Ordinal));
        }

        await session.ScreenshotAsync("posts-after-refresh");
    }

    [GeneratedRegex(@"Request starting \S+ POST \S+/identity/refresh\b")]
    private static partial Regex RefreshRequest();
}
