using System.Net;
using System.Text;
using Microsoft.Playwright;
using RefineSharp.E2E.Tests.Infrastructure;
using RefineSharp.Providers.Oidc.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace RefineSharp.E2E.Tests.Oidc;

/// <summary>Bad configuration and a bad identity provider: a clear message at start or on the page, no crash, no secret in the logs.</summary>
[Collection(OidcCollection.Name)]
public sealed class OidcBadInputTests(SharedOidcFixture fixture)
{
    private const string WrongSecret = "wrong-secret-3f9c1a";

    [Theory]
    [InlineData("", "the authority (issuer URL) is missing")]
    [InlineData("not a url", "the authority (issuer URL) is missing")]
    [InlineData("ftp://127.0.0.1:5520/", "not an absolute http(s) URL")]
    public async Task A_misconfigured_authority_stops_the_app_at_start_naming_the_setting(string authority, string expected)
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => AppProcess.StartAsync("RefineSharp.OidcDemo", 5527, new Dictionary<string, string>
        {
            ["Oidc__Authority"] = authority,
        }));
        Assert.Contains("exited before answering", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Contains("refine-idp", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("oidc-demo-secret", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_client_secret_refuses_the_sign_in_with_a_clear_message_and_never_logs_the_secret_or_a_token()
    {
        var port = new Uri(fixture.SecondAppUrl).Port;
        await using var app = await AppProcess.StartAsync("RefineSharp.OidcDemo", port, new Dictionary<string, string>
        {
            ["Oidc__Authority"] = fixture.IdpUrl + "/",
            ["Oidc__ClientSecret"] = WrongSecret,
            ["Logging__LogLevel__Default"] = "Debug",
        });
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseUrl });
        try
        {
            var page = await context.NewPageAsync();
            await page.GotoAsync("/reports");
            await OidcBrowser.WaitForCircuitAsync(page);
            await page.Locator($"button[data-provider={OidcFixture.Provider}]").ClickAsync();
            await page.Locator("#email").FillAsync(OidcBrowser.Admin);
            await page.Locator("#password").FillAsync(OidcBrowser.AdminPassword);
            await page.Locator("button[type=submit]").ClickAsync();

            await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("^" + app.BaseUrl + "/login\\?.*oidc-error=refused"));
            await Expect(page.Locator("[data-oidc-error]")).ToContainTextAsync("could not be verified");
            await page.GotoAsync("/reports");
            await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("^" + app.BaseUrl + "/login"));
        }
        finally
        {
            await context.CloseAsync();
        }

        await app.StopAsync();
        var log = app.Output;
        await File.WriteAllTextAsync(Path.Combine(RepositoryPaths.Artifacts, "oidc-wrong-secret-app.log"), log);
        Assert.Contains("was refused", log, StringComparison.Ordinal);
        Assert.DoesNotContain(WrongSecret, log, StringComparison.Ordinal);
        Assert.DoesNotContain("eyJ", log, StringComparison.Ordinal);
        Assert.DoesNotContain("code=", log, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not json at all")]
    [InlineData("{\"issuer\": 42}")]
    [InlineData("{\"issuer\":\"http://127.0.0.1:9/\",\"authorization_endpoint\":\"javascript:alert(1)\"}")]
    public async Task A_garbage_discovery_document_shows_a_clear_message_and_nothing_crashes(string document)
    {
        using var fake = new HttpListener();
        fake.Prefixes.Add("http://127.0.0.1:5525/");
        fake.Start();
        var serving = ServeAsync(fake, document);
        await using var app = await AppProcess.StartAsync("RefineSharp.OidcDemo", 5526, new Dictionary<string, string>
        {
            ["Oidc__Authority"] = "http://127.0.0.1:5525/",
        });
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseUrl });
        try
        {
            var page = await context.NewPageAsync();
            await page.GotoAsync("/login?to=%2Freports");
            await OidcBrowser.WaitForCircuitAsync(page);
            await page.Locator($"button[data-provider={OidcFixture.Provider}]").ClickAsync();

            await Expect(page).ToHaveURLAsync(app.BaseUrl + "/login?to=%2Freports&oidc-error=invalid-configuration&oidc-provider=refine-idp");
            await Expect(page.Locator("[data-oidc-error]")).ToContainTextAsync("not like an OpenID Connect server");
            await page.GotoAsync("/reports");
            await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("^" + app.BaseUrl + "/login"));
            Assert.False(app.HasExited);
        }
        finally
        {
            await context.CloseAsync();
            fake.Stop();
            await serving;
        }
    }

    private static async Task ServeAsync(HttpListener listener, string document)
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            var body = Encoding.UTF8.GetBytes(document);
            context.Response.ContentType = "application/json";
            context.Response.StatusCode = 200;
            await context.Response.OutputStream.WriteAsync(body);
            context.Response.Close();
        }
    }
}
