using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using RefineSharp.Demo.Data;

namespace RefineSharp.Demo.Tests.Hosting;

public sealed partial class SecurityHeadersTests(ProductionAndDevelopmentDemos demos) : IClassFixture<ProductionAndDevelopmentDemos>
{
    public static TheoryData<string, string> Requests => new()
    {
        { "Production", "GET /login" },
        { "Production", "GET /app.css" },
        { "Production", "GET /_framework/blazor.web.js" },
        { "Production", "GET /api/posts" },
        { "Production", "GET /api/posts bearer" },
        { "Production", "POST /identity/login" },
        { "Production", "GET /does-not-exist" },
        { "Production", "GET /Error" },
        { "Development", "GET /login" },
        { "Development", "GET /app.css" },
        { "Development", "GET /api/posts" },
        { "Development", "GET /does-not-exist" },
    };

    private HttpClient Client(string environment) => environment == "Production" ? demos.Production : demos.Development;

    private async Task<HttpResponseMessage> SendAsync(string environment, string request)
    {
        var http = Client(environment);
        var parts = request.Split(' ');
        var message = new HttpRequestMessage(new HttpMethod(parts[0]), new Uri(parts[1].TrimStart('/'), UriKind.Relative));
        if (parts[0] == "POST")
        {
            message.Content = JsonContent.Create(new { email = DemoSeeder.EditorEmail, password = "wrong" });
        }

        if (parts.Length > 2)
        {
            using var login = await http.PostAsJsonAsync(new Uri("identity/login", UriKind.Relative), new { email = DemoSeeder.EditorEmail, password = DemoSeeder.EditorPassword });
            login.EnsureSuccessStatusCode();
            var token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
            message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await http.SendAsync(message);
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values)
        : response.Content.Headers.TryGetValues(name, out var content) ? string.Join(",", content)
        : throw new Xunit.Sdk.XunitException($"{name} is missing from the {(int)response.StatusCode} answer to {response.RequestMessage?.RequestUri}");

    private static Dictionary<string, string> Directives(string csp) =>
        csp.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(d => d.Split(' ', 2))
            .ToDictionary(d => d[0], d => d.Length > 1 ? d[1] : "", StringComparer.Ordinal);

    [Theory]
    [MemberData(nameof(Requests))]
    public async Task SecurityHeaders_AnyResponse_CarriesEveryHeader(string environment, string request)
    {
        using var response = await SendAsync(environment, request);

        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("no-referrer", Header(response, "Referrer-Policy"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        Assert.Equal("same-origin", Header(response, "Cross-Origin-Opener-Policy"));
        var csp = Directives(Header(response, "Content-Security-Policy"));
        Assert.Matches(@"^'self' 'nonce-[0-9A-F]{32}'$", csp["script-src"]);
        Assert.Equal("'self'", csp["default-src"]);
        Assert.Equal("'self'", csp["connect-src"]);
        Assert.Equal("'self'", csp["style-src"]);
        Assert.Equal("'none'", csp["object-src"]);
        Assert.Equal("'none'", csp["frame-ancestors"]);
        Assert.Equal("'self'", csp["base-uri"]);
        Assert.Equal("'self'", csp["form-action"]);
    }

    [Theory]
    [InlineData("Production")]
    [InlineData("Development")]
    public async Task ContentSecurityPolicy_Page_AllowsNoInlineScriptButTheImportMapWithThisResponsesNonce(string environment)
    {
        using var first = await SendAsync(environment, "GET /login");
        using var second = await SendAsync(environment, "GET /login");
        var html = await first.Content.ReadAsStringAsync();
        var nonce = NonceOf(Header(first, "Content-Security-Policy"));

        // Every script element either loads a file of this origin or carries this response's nonce.
        var scripts = ScriptTag().Matches(html).Select(m => m.Value).ToList();
        Assert.NotEmpty(scripts);
        foreach (var script in scripts)
        {
            var src = Regex.Match(script, "src=\"([^\"]*)\"");
            if (src.Success)
            {
                Assert.False(Uri.TryCreate(src.Groups[1].Value, UriKind.Absolute, out _), script);
            }
            else
            {
                Assert.Contains($"nonce=\"{nonce}\"", script, StringComparison.Ordinal);
            }
        }

        Assert.Contains(scripts, s => s.Contains("type=\"importmap\"", StringComparison.Ordinal) && s.Contains(nonce, StringComparison.Ordinal));
        // Inline event handler attributes would be blocked too: the page has none.
        Assert.DoesNotMatch(@"<[^>]+\son[a-z]+\s*=", html);
        // A nonce is good for one response only.
        Assert.NotEqual(nonce, NonceOf(Header(second, "Content-Security-Policy")));
    }

    [Theory]
    [InlineData("Production")]
    [InlineData("Development")]
    public async Task ContentSecurityPolicy_ScriptSources_NeverUnsafe(string environment)
    {
        using var response = await SendAsync(environment, "GET /login");
        var csp = Header(response, "Content-Security-Policy");

        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("*", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("http:", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("https:", csp, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Production", "https://demo.example/login", true)]
    [InlineData("Production", "http://demo.example/login", false)]
    [InlineData("Development", "https://demo.example/login", false)]
    public async Task SecurityHeaders_Hsts_OnlyOverHttpsOutsideDevelopment(string environment, string url, bool expected)
    {
        var keys = HostedDemo.TempPath("keys");
        var db = HostedDemo.TempPath("hsts") + ".db";
        try
        {
            // The in-memory server: it can be sent an HTTPS request for a host that is not localhost (HSTS skips localhost).
            await using var demo = new HostedDemo(environment, new Dictionary<string, string>
            {
                ["Demo:Database"] = db, ["Demo:DataProtectionKeys"] = keys, ["Demo:ApiBaseAddress"] = "http://127.0.0.1:9/",
                ["AllowedHosts"] = "demo.example;localhost;127.0.0.1",
            }, kestrel: false);
            using var http = demo.CreateClient(new() { BaseAddress = new Uri(url), AllowAutoRedirect = false });

            using var response = await http.GetAsync(new Uri(url));

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(expected, response.Headers.Contains("Strict-Transport-Security"));
            Assert.True(response.Headers.Contains("Content-Security-Policy"));
        }
        finally
        {
            HostedDemo.Delete(db, keys);
        }
    }

    private static string NonceOf(string csp) => Regex.Match(csp, "'nonce-([^']+)'").Groups[1].Value;

    [GeneratedRegex("<script\\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex ScriptTag();
}
