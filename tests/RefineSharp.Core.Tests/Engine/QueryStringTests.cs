namespace RefineSharp.Tests.Engine;

public sealed class QueryStringTests
{
    [Theory]
    [InlineData("/login#?to=//evil.example")]
    [InlineData("/login#x?to=/javascript:alert(1)")]
    [InlineData("http://localhost/login#/?to=%2F%2Fevil.example")]
    [InlineData("/login#a&to=//evil.example")]
    public void Parse_QuestionMarkInsideTheFragment_IsNotAQuery(string uri) => Assert.Empty(QueryString.Parse(uri));

    [Fact]
    public void Parse_QueryBeforeTheFragment_IgnoresWhatTheFragmentHolds()
    {
        var parameters = QueryString.Parse("/login?to=%2Fposts#?to=//evil.example");

        Assert.Equal("/posts", Assert.Single(parameters).Value);
    }

    [Fact]
    public void Parse_PlusAndEscapes_AreDecodedAndTheFirstValueWins()
    {
        var parameters = QueryString.Parse("/x?q=a+b%20c&q=second&flag");

        Assert.Equal("a b c", parameters["q"]);
        Assert.Equal(string.Empty, parameters["flag"]);
    }

    [Fact]
    public void ForGuard_ReturnPathOnlyInTheFragment_UsesTheCurrentPageInstead()
    {
        Assert.Equal("/orders", ReturnPaths.ForGuard("http://localhost/orders#?to=//evil.example", "to"));
    }
}
