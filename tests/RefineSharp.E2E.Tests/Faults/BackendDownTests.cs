using System.Net;
using System.Net.Sockets;
using RefineSharp.E2E.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace RefineSharp.E2E.Tests.Faults;

/// <summary>
/// A demo whose circuits reach their Identity and data APIs at a loopback port where nothing listens: the sign-in
/// backend is down while the web app itself keeps running.
/// </summary>
public sealed class BackendDownServerFixture() : OwnServerFixture(new Dictionary<string, string>
{
    ["Demo__ApiBaseAddress"] = $"http://127.0.0.1:{ClosedPort()}/",
})
{
    // A port that was free a moment ago and that nothing binds again: connections to it are refused at once.
    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

[Collection(DemoCollection.Name)]
public sealed class BackendDownTests(DemoFixture fixture, BackendDownServerFixture own) : IClassFixture<BackendDownServerFixture>
{
    [Fact]
    public async Task Login_BackendDown_ShowsServiceUnavailableAndStaysOnLogin()
    {
        await using var session = await fixture.OpenAsync(nameof(Login_BackendDown_ShowsServiceUnavailableAndStaysOnLogin), own.Server);
        await session.GotoAsync("/login");

        await session.SubmitLoginAsync(TestUsers.AdminEmail, TestUsers.AdminPassword);

        var toast = session.Page.Locator("[data-notification-key=login-error]");
        await Expect(toast).ToBeVisibleAsync();
        await Expect(toast).ToContainTextAsync("could not be reached");
        await Expect(session.Page).ToHaveURLAsync(session.Url("/login"));
        await Expect(session.Page.Locator("[data-identity-card], [data-user-name], .shell-nav")).ToHaveCountAsync(0);
        await Expect(session.Page.Locator("button[type=submit]")).ToBeEnabledAsync();
        await session.ScreenshotAsync("service-unavailable");
    }

    [Fact]
    public async Task ProtectedPage_BackendDown_FailsClosedToTheLoginPage()
    {
        await using var session = await fixture.OpenAsync(nameof(ProtectedPage_BackendDown_FailsClosedToTheLoginPage), own.Server);

        await session.GotoAsync("/posts");

        await Expect(session.Page).ToHaveURLAsync(session.Url("/login?to=%2Fposts"));
        await Expect(session.Page.Locator("[data-posts], .shell-nav")).ToHaveCountAsync(0);
    }
}
