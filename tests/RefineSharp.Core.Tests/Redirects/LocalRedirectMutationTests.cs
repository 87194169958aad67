namespace RefineSharp.Tests.Redirects;

// Written against the mutants Stryker left alive in Redirects/LocalRedirect.cs (docs/quality.md): the bounds of the
// decode loops, the query and fragment checks, the base URI rule and the log escaping.
public sealed class LocalRedirectMutationTests
{
    // "%252541" is "A" encoded three times: the deepest stacking the rule still decodes to its end.
    [Theory]
    [InlineData("/a%252541")]
    [InlineData("/posts?q=%252541")]
    [InlineData("/posts#%252541")]
    public void IsLocal_ThreeStackedEncodings_ReturnsTrue(string target) => Assert.True(LocalRedirect.IsLocal(target));

    [Theory]
    [InlineData("/a%25252541")]
    [InlineData("/posts?q=%25252541")]
    [InlineData("/posts#%25252541")]
    public void IsLocal_FourStackedEncodings_ReturnsFalse(string target) => Assert.False(LocalRedirect.IsLocal(target));

    [Theory]
    [InlineData("/posts?q=%0A")] // control
    [InlineData("/posts?q=%E2%80%8B")] // zero-width space, a format character
    [InlineData("/posts?q=%E2%80%A8")] // line separator
    [InlineData("/posts?q=%E2%80%A9")] // paragraph separator
    [InlineData("/posts?q=%EF%BF%BD")] // the replacement character
    [InlineData("/posts#%0D")]
    [InlineData("/posts#%E2%80%AE")] // right-to-left override, a format character
    public void IsLocal_DecodedControlOrFormatCharacterInQueryOrFragment_ReturnsFalse(string target) =>
        Assert.False(LocalRedirect.IsLocal(target));

    [Theory]
    [InlineData("/posts?q=caf%C3%A9&page=2")]
    [InlineData("/posts?q=a+b#section-2")]
    [InlineData("/posts?q=%E2%82%AC")] // the euro sign: a symbol, fine in a query
    public void IsLocal_OrdinaryQueryAndFragment_ReturnsTrue(string target) => Assert.True(LocalRedirect.IsLocal(target));

    [Fact]
    public void IsLocal_DeleteCharacterDecodedInThePath_ReturnsFalse() => Assert.False(LocalRedirect.IsLocal("/a%7Fb"));

    // U+01C4 is a letter whose compatibility form is "D" followed by a non-ASCII letter: partly ASCII is still a look-alike.
    [Fact]
    public void IsLocal_LetterFoldingPartlyToAscii_ReturnsFalse() => Assert.False(LocalRedirect.IsLocal("/%C7%84"));

    [Fact]
    public void IsLocal_LetterThatStaysNonAscii_ReturnsTrue() => Assert.True(LocalRedirect.IsLocal("/caf%C3%A9/%D0%B4"));

    // 0xFF is never UTF-8, so the escape stays at the fixed point; the character before it is not a hex digit.
    [Theory]
    [InlineData("/x%FF")]
    [InlineData("/x%C0/y%AF")]
    public void IsLocal_UndecodableEscapeAfterANonHexCharacter_ReturnsFalse(string target) => Assert.False(LocalRedirect.IsLocal(target));

    [Theory]
    [InlineData("/a?b", true)]
    [InlineData("/a#b", true)]
    [InlineData("/a?b#c", true)]
    [InlineData("/a?%2F%2Fevil#c", true)]
    [InlineData("/a?b#c#d", false)]
    [InlineData("/a?b\\c", false)]
    [InlineData("/a#b c", false)]
    public void IsLocal_QueryAndFragmentSplit_FollowsTheRule(string target, bool expected) => Assert.Equal(expected, LocalRedirect.IsLocal(target));

    [Fact]
    public void TryResolve_HttpsBase_ResolvesUnderIt()
    {
        Assert.True(LocalRedirect.TryResolve("https://app.example/base/", "/posts?page=2", out var absolute));

        Assert.Equal("https://app.example/base/posts?page=2", absolute);
    }

    [Theory]
    [InlineData("http://127.0.0.1:5000/a b/")]
    [InlineData("http://127.0.0.1:5000/a\u007f/")]
    [InlineData("http://127.0.0.1:5000/a\u00e9/")]
    [InlineData("http://127.0.0.1:5000/a\t/")]
    [InlineData("?http://127.0.0.1:5000/")]
    [InlineData("ftp://127.0.0.1/app/")]
    public void TryResolve_BaseWithSpaceControlNonAsciiOrOtherScheme_ReturnsFalse(string baseUri)
    {
        Assert.False(LocalRedirect.TryResolve(baseUri, "/posts", out var absolute));
        Assert.Null(absolute);
    }

    [Fact]
    public void TryResolve_BaseEndingInTilde_IsAccepted() =>
        Assert.True(LocalRedirect.TryResolve("http://127.0.0.1:5000/~user/", "/posts", out _));

    [Fact]
    public void ForLog_Null_IsMarked() => Assert.Equal("(null)", LocalRedirect.ForLog(null));

    [Fact]
    public void ForLog_ExactlyTwoHundredCharacters_IsKeptWhole()
    {
        var value = "/" + new string('a', 199);

        Assert.Equal(value, LocalRedirect.ForLog(value));
    }

    [Fact]
    public void ForLog_TwoHundredAndOneCharacters_IsCutAndSaysHowLong()
    {
        var value = "/" + new string('a', 199) + "b";

        Assert.Equal("/" + new string('a', 199) + "…(201 chars)", LocalRedirect.ForLog(value));
    }

    [Theory]
    [InlineData("/a b~", "/a b~")]
    [InlineData("/a\u007fb", "/a\\u007fb")]
    [InlineData("/a\u001fb", "/a\\u001fb")]
    [InlineData("/\u00e9", "/\\u00e9")]
    public void ForLog_PrintableAsciiKept_OthersEscaped(string value, string expected) => Assert.Equal(expected, LocalRedirect.ForLog(value));
}
