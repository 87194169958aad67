using System.Net;
using System.Text.RegularExpressions;
using CsCheck;
using Microsoft.Extensions.Options;
using RefineSharp.AspNetCore.Security;

namespace RefineSharp.AspNetCore.Tests.Security;

/// <summary>
/// <c>AddRefineSecurityHeaders</c>: every response carries the headers, the nonce is fresh per response and is the one
/// the page can read, and no configured value can widen the script policy or inject a directive.
/// </summary>
public sealed partial class SecurityHeadersTests
{
    private static readonly string[] Directives =
        ["default-src", "script-src", "style-src", "img-src", "font-src", "connect-src", "object-src", "base-uri", "form-action", "frame-ancestors"];

    [Theory]
    [InlineData("/page", HttpStatusCode.OK)]
    [InlineData("/guarded", HttpStatusCode.Unauthorized)]
    [InlineData("/throws", HttpStatusCode.InternalServerError)]
    [InlineData("/missing", HttpStatusCode.NotFound)]
    public async Task AnyResponse_CarriesEveryHeader(string path, HttpStatusCode expected)
    {
        await using var host = await HeadersHost.StartAsync();
        using var client = host.NewClient();

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("no-referrer", Header(response, "Referrer-Policy"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        Assert.Equal("same-origin", Header(response, "Cross-Origin-Opener-Policy"));
        var csp = Parse(Header(response, "Content-Security-Policy"));
        Assert.Equal(Directives, csp.Keys);
        Assert.Matches("^'self' 'nonce-[0-9A-F]{32}'$", csp["script-src"]);
        Assert.Equal("'none'", csp["frame-ancestors"]);
        Assert.Equal("'none'", csp["object-src"]);
    }

    [Fact]
    public async Task Page_NonceIsThisResponsesAndNeverRepeats()
    {
        await using var host = await HeadersHost.StartAsync();
        using var client = host.NewClient();
        var seen = new HashSet<string>(StringComparer.Ordinal);

        for (var i = 0; i < 20; i++)
        {
            using var response = await client.GetAsync(new Uri("/page", UriKind.Relative));
            var body = await response.Content.ReadAsStringAsync();
            var nonce = NonceIn().Match(Header(response, "Content-Security-Policy")).Groups[1].Value;
            Assert.Equal($"<script nonce=\"{nonce}\"></script>", body);
            Assert.True(seen.Add(nonce), $"nonce {nonce} was sent twice");
        }
    }

    [Fact]
    public async Task Options_WebAssemblyInlineStylesAndSources_AreAddedToTheirDirectiveOnly()
    {
        await using var host = await HeadersHost.StartAsync(o =>
        {
            o.AllowWebAssembly = true;
            o.AllowInlineStyles = true;
            o.ConnectSources.Add("https://api.example.com");
            o.FormActionSources.Add("https://id.example.com");
            o.CrossOriginOpenerPolicy = null;
        });
        using var client = host.NewClient();

        using var response = await client.GetAsync(new Uri("/page", UriKind.Relative));

        var csp = Parse(Header(response, "Content-Security-Policy"));
        Assert.Matches("^'self' 'nonce-[0-9A-F]{32}' 'wasm-unsafe-eval'$", csp["script-src"]);
        Assert.Equal("'self' 'unsafe-inline'", csp["style-src"]);
        Assert.Equal("'self' https://api.example.com", csp["connect-src"]);
        Assert.Equal("'self' https://id.example.com", csp["form-action"]);
        Assert.False(response.Headers.Contains("Cross-Origin-Opener-Policy"));
    }

    [Theory]
    [InlineData("'unsafe-inline'")]
    [InlineData("'unsafe-eval'")]
    [InlineData("*")]
    [InlineData("https:")]
    [InlineData("data:")]
    [InlineData("'strict-dynamic'")]
    [InlineData("javascript:")]
    public async Task ScriptSources_ThatAllowAnyScript_AreRefusedAtStartNamingTheSetting(string source)
    {
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => HeadersHost.StartAsync(o => o.ScriptSources.Add(source)));

        Assert.Contains("RefineSecurityHeadersOptions.ScriptSources", failure.Message, StringComparison.Ordinal);
        Assert.Contains(source, failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("same-origin; foo")]
    [InlineData("bogus")]
    public async Task CrossOriginOpenerPolicy_Unknown_IsRefusedAtStart(string value)
    {
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => HeadersHost.StartAsync(o => o.CrossOriginOpenerPolicy = value));

        Assert.Contains("CrossOriginOpenerPolicy", failure.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// Attack: any configured source string, generated (separators, quotes, control characters, keywords), either is
    /// refused by the validator or, built into the header, leaves the same ten directives, a script-src of this origin
    /// plus its nonce plus exactly that source, and nothing unsafe for scripts. The oracle is the header's own grammar
    /// (directives split on ';', sources on spaces).
    /// </summary>
    [Fact]
    public void AnySource_EitherRefusedOrConfinedToItsDirective()
    {
        var validator = new RefineSecurityHeadersOptionsValidator();
        string[] pieces = ["'self'", "'none'", "'unsafe-inline'", "'unsafe-eval'", "*", ";", ",", " ", "\t", "\n", "'", "\"",
            "https:", "data:", "http://", "cdn.example.com", ":443", "'sha256-AbC+/9=='", "'strict-dynamic'", "javascript:", "/path", "script-src", "report-uri", "x", "\u00e9", "\0"];
        var source = Gen.Int[0, pieces.Length - 1].Array[1, 6].Select(indexes => string.Concat(indexes.Select(i => pieces[i])));

        source.Sample(candidate =>
        {
            var options = new RefineSecurityHeadersOptions();
            options.ScriptSources.Add(candidate);
            if (validator.Validate(null, options).Failed)
            {
                return;
            }

            var header = ContentSecurityPolicy.Build(options, "00FF");
            // What a response gets: the same header, built once and joined around the nonce.
            Assert.Equal(header, new ContentSecurityPolicy(options).For("00FF"));
            var csp = Parse(header);
            Assert.Equal(Directives, csp.Keys);
            var script = csp["script-src"].Split(' ');
            Assert.Equal(new[] { "'self'", "'nonce-00FF'", candidate.Trim() }.Distinct(), script);
            Assert.DoesNotContain(script, s => s is "'unsafe-inline'" or "'unsafe-eval'" or "'unsafe-hashes'" or "'strict-dynamic'" or "*" || (s.EndsWith(':') && !s.Contains('/', StringComparison.Ordinal)));
        }, iter: 20_000);
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values)
        : throw new Xunit.Sdk.XunitException($"{name} is missing from the {(int)response.StatusCode} answer");

    private static Dictionary<string, string> Parse(string csp) =>
        csp.Split(';', StringSplitOptions.TrimEntries).Select(d => d.Split(' ', 2)).ToDictionary(d => d[0], d => d.Length > 1 ? d[1] : "", StringComparer.Ordinal);

    [GeneratedRegex("'nonce-([^']+)'")]
    private static partial Regex NonceIn();
}
