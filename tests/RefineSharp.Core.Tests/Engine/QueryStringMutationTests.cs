namespace RefineSharp.Tests.Engine;

// Written against the mutants Stryker left alive in QueryString.cs (docs/quality.md): a fragment or a query at the
// very first character, and parameters without a name.
public sealed class QueryStringMutationTests
{
    [Theory]
    [InlineData("#?to=//evil.example")]
    [InlineData("#x&to=//evil.example")]
    public void Parse_FragmentAtTheStart_HasNoQuery(string uri) => Assert.Empty(QueryString.Parse(uri));

    [Fact]
    public void Parse_QueryAtTheStart_IsRead() => Assert.Equal("/posts", QueryString.Parse("?to=%2Fposts")["to"]);

    [Theory]
    [InlineData("/login?=x")]
    [InlineData("/login?=")]
    [InlineData("/login?&&")]
    public void Parse_ParameterWithoutAName_IsSkipped(string uri) => Assert.Empty(QueryString.Parse(uri));

    [Fact]
    public void Parse_NameWithoutValue_HasAnEmptyValue() => Assert.Equal(string.Empty, QueryString.Parse("/login?flag&to=%2Fa")["flag"]);
}
