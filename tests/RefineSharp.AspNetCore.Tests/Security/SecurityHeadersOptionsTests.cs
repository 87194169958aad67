using CsCheck;
using Microsoft.Extensions.Options;
using RefineSharp.AspNetCore.Security;

namespace RefineSharp.AspNetCore.Tests.Security;

/// <summary>
/// Every source list of <see cref="RefineSecurityHeadersOptions"/>, not only the script list: a configured value is
/// refused at start naming its setting, or lands in its own directive and nowhere else; the referrer policy takes the
/// standard values only; a refused value is shown without control characters and cut to a readable length.
/// </summary>
public sealed class SecurityHeadersOptionsTests
{
    private static readonly (string Setting, string Directive, Func<RefineSecurityHeadersOptions, IList<string>> List)[] Lists =
    [
        (nameof(RefineSecurityHeadersOptions.ScriptSources), "script-src", o => o.ScriptSources),
        (nameof(RefineSecurityHeadersOptions.StyleSources), "style-src", o => o.StyleSources),
        (nameof(RefineSecurityHeadersOptions.ImageSources), "img-src", o => o.ImageSources),
        (nameof(RefineSecurityHeadersOptions.FontSources), "font-src", o => o.FontSources),
        (nameof(RefineSecurityHeadersOptions.ConnectSources), "connect-src", o => o.ConnectSources),
        (nameof(RefineSecurityHeadersOptions.FormActionSources), "form-action", o => o.FormActionSources),
    ];

    private readonly RefineSecurityHeadersOptionsValidator _validator = new();

    [Fact]
    public void EachList_AHostSource_GoesIntoItsOwnDirectiveOnly()
    {
        var plain = Parse(ContentSecurityPolicy.Build(new RefineSecurityHeadersOptions(), "00FF"));
        foreach (var (setting, directive, list) in Lists)
        {
            var options = new RefineSecurityHeadersOptions();
            list(options).Add("https://cdn.example.com");
            Assert.True(_validator.Validate(null, options).Succeeded, setting);

            var csp = Parse(ContentSecurityPolicy.Build(options, "00FF"));

            Assert.Equal(plain.Keys, csp.Keys);
            Assert.Equal(plain[directive] + " https://cdn.example.com", csp[directive]);
            Assert.All(plain.Keys.Where(k => k != directive), k => Assert.Equal(plain[k], csp[k]));
        }
    }

    [Fact]
    public void Defaults_ImagesAndFontsComeFromThisOriginOnly()
    {
        var csp = Parse(ContentSecurityPolicy.Build(new RefineSecurityHeadersOptions(), "00FF"));

        Assert.StartsWith("'self'", csp["img-src"], StringComparison.Ordinal);
        Assert.Equal("'self'", csp["font-src"]);
    }

    /// <summary>
    /// Attack: a generated value in a generated list is either refused with that list's name in the message, or the
    /// header keeps its ten directives and the value appears, trimmed, in that list's directive only.
    /// </summary>
    [Fact]
    public void AnyValueInAnyList_RefusedNamingTheListOrConfinedToItsDirective()
    {
        string[] pieces = ["'self'", "'none'", "*", ";", ",", " ", "\t", "\n", "'", "\"", "https:", "data:", "http://", "cdn.example.com",
            ":443", "'sha256-AbC+/9=='", "/path", "img-src", "report-uri", "x", "\u00e9", "\0"];
        var value = Gen.Int[0, pieces.Length - 1].Array[1, 6].Select(indexes => string.Concat(indexes.Select(i => pieces[i])));
        var plain = Parse(ContentSecurityPolicy.Build(new RefineSecurityHeadersOptions(), "00FF"));

        Gen.Select(Gen.Int[0, Lists.Length - 1], value).Sample((which, candidate) =>
        {
            var (setting, directive, list) = Lists[which];
            var options = new RefineSecurityHeadersOptions();
            list(options).Add(candidate);
            var result = _validator.Validate(null, options);
            if (result.Failed)
            {
                Assert.Contains("RefineSecurityHeadersOptions." + setting, result.FailureMessage, StringComparison.Ordinal);
                return;
            }

            var csp = Parse(ContentSecurityPolicy.Build(options, "00FF"));
            Assert.Equal(plain.Keys, csp.Keys);
            Assert.Equal(plain[directive].Split(' ').Append(candidate.Trim()).Distinct(), csp[directive].Split(' '));
            Assert.All(plain.Keys.Where(k => k != directive), k => Assert.Equal(plain[k], csp[k]));
        }, iter: 20_000);
    }

    [Theory]
    [InlineData("no-referrer")]
    [InlineData("no-referrer-when-downgrade")]
    [InlineData("origin")]
    [InlineData("origin-when-cross-origin")]
    [InlineData("same-origin")]
    [InlineData("strict-origin")]
    [InlineData("strict-origin-when-cross-origin")]
    [InlineData("unsafe-url")]
    public void ReferrerPolicy_EachStandardValue_IsAccepted(string value) =>
        Assert.True(_validator.Validate(null, new RefineSecurityHeadersOptions { ReferrerPolicy = value }).Succeeded, value);

    [Theory]
    [InlineData("")]
    [InlineData("no-referrer; x")]
    [InlineData("No-Referrer")]
    [InlineData("always")]
    public void ReferrerPolicy_AnythingElse_IsRefusedNamingTheSetting(string value)
    {
        var result = _validator.Validate(null, new RefineSecurityHeadersOptions { ReferrerPolicy = value });

        Assert.True(result.Failed);
        Assert.Contains("RefineSecurityHeadersOptions.ReferrerPolicy", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("unsafe-none")]
    [InlineData("same-origin")]
    [InlineData("same-origin-allow-popups")]
    [InlineData("noopener-allow-popups")]
    [InlineData(null)]
    public void CrossOriginOpenerPolicy_EachStandardValueOrNone_IsAccepted(string? value) =>
        Assert.True(_validator.Validate(null, new RefineSecurityHeadersOptions { CrossOriginOpenerPolicy = value }).Succeeded, value);

    [Fact]
    public void RefusedPolicies_NameTheValuesThatWould()
    {
        var result = _validator.Validate(null, new RefineSecurityHeadersOptions { CrossOriginOpenerPolicy = "same", ReferrerPolicy = "none" });

        Assert.Contains("CrossOriginOpenerPolicy must be one of unsafe-none, same-origin, same-origin-allow-popups, noopener-allow-popups", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("ReferrerPolicy must be one of no-referrer, no-referrer-when-downgrade,", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("'self'")]
    [InlineData("'sha256-AbC+/9=='")]
    [InlineData("https://cdn.example.com")]
    public void ScriptSources_ThisOriginAHashOrAHost_AreAccepted(string source)
    {
        var options = new RefineSecurityHeadersOptions();
        options.ScriptSources.Add(source);

        Assert.True(_validator.Validate(null, options).Succeeded, source);
    }

    [Fact]
    public void RefusedValue_IsShownWithoutControlCharactersAndCutToEightyCharacters()
    {
        var options = new RefineSecurityHeadersOptions();
        var hostile = "evil\n.example\u001b[31m; report-uri x" + new string('a', 200);
        options.ImageSources.Add(hostile);

        var result = _validator.Validate(null, options);

        Assert.True(result.Failed);
        var shown = hostile[..80].Replace('\n', '?').Replace('\u001b', '?');
        Assert.Contains("\"" + shown + "\"", result.FailureMessage, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", result.FailureMessage, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void NullValue_IsRefusedAndShownAsNull()
    {
        var options = new RefineSecurityHeadersOptions();
        options.StyleSources.Add(null!);

        var result = _validator.Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains("RefineSecurityHeadersOptions.StyleSources: \"null\"", result.FailureMessage, StringComparison.Ordinal);
    }

    private static Dictionary<string, string> Parse(string csp) =>
        csp.Split(';', StringSplitOptions.TrimEntries).Select(d => d.Split(' ', 2)).ToDictionary(d => d[0], d => d.Length > 1 ? d[1] : "", StringComparer.Ordinal);
}
