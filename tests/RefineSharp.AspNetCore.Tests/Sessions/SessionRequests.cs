using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RefineSharp.AspNetCore.Sessions;
using RefineSharp.AspNetCore.Tests.Fixtures;

namespace RefineSharp.AspNetCore.Tests.Sessions;

/// <summary>Small HTTP helpers for the session tests.</summary>
internal static class SessionRequests
{
    public static Task<HttpResponseMessage> LoginAsync(HttpClient browser, string password, bool remember = false)
    {
        var fields = new Dictionary<string, string> { ["email"] = "ann@example.com", ["password"] = password };
        if (remember)
        {
            fields["remember"] = "true";
        }

        return browser.PostAsync(new Uri("t/login", UriKind.Relative), new FormUrlEncodedContent(fields));
    }

    public static string CookieHeader(HttpClient browser, Uri baseAddress)
    {
        var handlerField = typeof(HttpMessageInvoker).GetField("_handler", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!;
        var handler = (HttpClientHandler)handlerField.GetValue(browser)!;
        return handler.CookieContainer.GetCookieHeader(baseAddress);
    }

    /// <summary>Sends <paramref name="cookieHeader"/> as it is from a browser with no cookies of its own.</summary>
    public static async Task<HttpResponseMessage> WithCookieAsync(SessionHost host, string cookieHeader, string path, HttpMethod? method = null)
    {
        using var client = new HttpClient(host.NewHandler(useCookies: false)) { BaseAddress = host.BaseAddress };
        using var request = new HttpRequestMessage(method ?? HttpMethod.Get, new Uri(path, UriKind.Relative));
        request.Headers.TryAddWithoutValidation("Cookie", cookieHeader);
        return await client.SendAsync(request);
    }

    /// <summary>
    /// What a logout in a circuit does: the session's store entry goes, and the browser (<paramref name="browser"/>,
    /// signed in to <paramref name="host"/>) is not told.
    /// </summary>
    public static async Task EndSessionOnServerAsync(SessionHost host, HttpClient browser)
    {
        var key = await browser.GetStringAsync(new Uri("t/session-key", UriKind.Relative));
        Assert.False(string.IsNullOrEmpty(key));
        var store = host.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(ServerSessionOptions.Scheme).SessionStore!;
        await store.RemoveAsync(key);
    }

    public static DateTimeOffset? Expires(string setCookie)
    {
        foreach (var part in setCookie.Split(';', StringSplitOptions.TrimEntries))
        {
            if (part.StartsWith("expires=", StringComparison.OrdinalIgnoreCase)
                && DateTimeOffset.TryParse(part["expires=".Length..], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value))
            {
                return value;
            }
        }

        return null;
    }
}
