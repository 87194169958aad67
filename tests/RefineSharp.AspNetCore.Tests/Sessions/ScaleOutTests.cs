using System.Net;
using RefineSharp.AspNetCore.Tests.Fixtures;

namespace RefineSharp.AspNetCore.Tests.Sessions;

/// <summary>Two instances that share the cache and the key ring are one app: a session moves between them, and a logout on one ends it on both.</summary>
public sealed class ScaleOutTests
{
    [Fact]
    public async Task Session_SignedInOnOneInstance_IsHonouredByTheOtherAndEndedEverywhereByLogout()
    {
        var backplane = new SharedBackplane();
        await using var first = await SessionHost.StartAsync(backplane.Cache, backplane.Keys);
        await using var second = await SessionHost.StartAsync(backplane.Cache, backplane.Keys);
        using var browser = first.NewBrowser();
        using var _ = await SessionRequests.LoginAsync(browser, TokenTestProvider.Password);
        var cookie = SessionRequests.CookieHeader(browser, first.BaseAddress);

        using (var onSecond = await SessionRequests.WithCookieAsync(second, cookie, "t/check"))
        {
            Assert.Equal(HttpStatusCode.OK, onSecond.StatusCode);
        }

        // Log out on the second instance; the first refuses the same cookie at once.
        using (var client = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = second.BaseAddress })
        using (var logout = new HttpRequestMessage(HttpMethod.Post, new Uri("t/logout", UriKind.Relative)))
        {
            logout.Headers.TryAddWithoutValidation("Cookie", cookie);
            Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(logout)).StatusCode);
        }

        using var onFirst = await SessionRequests.WithCookieAsync(first, cookie, "t/check");
        Assert.Equal(HttpStatusCode.Unauthorized, onFirst.StatusCode);
    }
}
