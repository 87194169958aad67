namespace RefineSharp.Tests.Redirects;

// Written against the mutants Stryker left alive in Redirects/ReturnPaths.cs (docs/quality.md): each test pins one
// decision of the return-path rules that the Blazor tests exercise but the Core test project did not.
public sealed class ReturnPathsMutationTests
{
    [Theory]
    [InlineData("http://localhost/orders?page=2#top", "/orders?page=2")]
    [InlineData("https://app.example:8443/a/b?x=1", "/a/b?x=1")]
    [InlineData("http://localhost/", "/")]
    [InlineData("/orders?page=2#top", "/orders?page=2")]
    [InlineData("orders?page=2", "/orders?page=2")]
    [InlineData("", "/")]
    [InlineData("#only-a-fragment", "/")]
    public void PathAndQuery_AbsoluteOrRelativeUri_IsTheAppPathWithoutTheFragment(string uri, string expected) =>
        Assert.Equal(expected, ReturnPaths.PathAndQuery(uri));

    [Theory]
    [InlineData("javascript:alert(1)", "/javascript:alert(1)")]
    [InlineData("file:///etc/passwd", "/file:///etc/passwd")]
    public void PathAndQuery_NonHttpAbsoluteUri_IsNotReadAsAnOrigin(string uri, string expected) =>
        Assert.Equal(expected, ReturnPaths.PathAndQuery(uri));

    [Fact]
    public void ForGuard_LocalReturnPathAlreadyPresent_IsKept() =>
        Assert.Equal("/posts?page=2", ReturnPaths.ForGuard("http://localhost/login?to=%2Fposts%3Fpage%3D2", "to"));

    [Fact]
    public void ForGuard_HostileReturnPathPresent_UsesTheCurrentPageInstead() =>
        Assert.Equal("/login?to=%2F%2Fevil.example", ReturnPaths.ForGuard("http://localhost/login?to=%2F%2Fevil.example", "to"));

    [Fact]
    public void ForGuard_OtherParameterName_IsNotTakenAsTheReturnPath() =>
        Assert.Equal("/login?to=%2Fposts", ReturnPaths.ForGuard("http://localhost/login?to=%2Fposts", "returnUrl"));

    [Theory]
    [InlineData("http://localhost/")]
    [InlineData("http://localhost/#section")]
    [InlineData("/")]
    public void ForGuard_AtTheRoot_IsNull(string uri) => Assert.Null(ReturnPaths.ForGuard(uri, "to"));

    [Fact]
    public void ForGuard_OnAPage_IsThatPathAndQuery() =>
        Assert.Equal("/orders?page=2", ReturnPaths.ForGuard("http://localhost/orders?page=2#x", "to"));

    [Fact]
    public void ForSessionEnd_OnALocalPage_IsThatPathAndQuery() =>
        Assert.Equal("/orders?page=2", ReturnPaths.ForSessionEnd("http://localhost/orders?page=2#x"));

    [Theory]
    [InlineData("http://localhost/")]
    [InlineData("http://localhost/#x")]
    public void ForSessionEnd_AtTheRoot_IsNull(string uri) => Assert.Null(ReturnPaths.ForSessionEnd(uri));

    [Theory]
    [InlineData("http://localhost//evil.example/x")]
    [InlineData("/javascript:alert(1)")]
    public void ForSessionEnd_PageThatIsNotLocal_IsNull(string uri) => Assert.Null(ReturnPaths.ForSessionEnd(uri));

    [Theory]
    [InlineData("/login", "to", "/posts?a=1&b=2", "/login?to=%2Fposts%3Fa%3D1%26b%3D2")]
    [InlineData("/login?lang=de", "to", "/posts", "/login?lang=de&to=%2Fposts")]
    [InlineData("/login#hash", "to", "/posts", "/login?to=%2Fposts")]
    [InlineData("/login#a?b", "to", "/posts", "/login?to=%2Fposts")]
    [InlineData("/login", "return to", "/p", "/login?return%20to=%2Fp")]
    [InlineData("#top", "to", "/p", "?to=%2Fp")]
    public void Append_Value_IsEscapedAfterTheRightSeparatorWithoutTheFragment(string target, string parameter, string value, string expected) =>
        Assert.Equal(expected, ReturnPaths.Append(target, parameter, value));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Append_NoValue_IsTheTargetUnchanged(string? value) =>
        Assert.Equal("/login#keep", ReturnPaths.Append("/login#keep", "to", value));

    [Fact]
    public void AppendUnlessOnTarget_OtherPage_AddsTheReturnPath() =>
        Assert.Equal("/login?to=%2Forders%3Fpage%3D2", ReturnPaths.AppendUnlessOnTarget("/login", "to", "/orders?page=2"));

    [Fact]
    public void AppendUnlessOnTarget_NoTarget_IsNull() => Assert.Null(ReturnPaths.AppendUnlessOnTarget(null, "to", "/orders"));

    [Fact]
    public void AppendUnlessOnTarget_NoReturnPath_IsTheTarget() => Assert.Equal("/login", ReturnPaths.AppendUnlessOnTarget("/login", "to", null));

    [Fact]
    public void AppendUnlessOnTarget_TargetAlreadyHasTheParameter_IsTheTarget() =>
        Assert.Equal("/login?to=%2Fa", ReturnPaths.AppendUnlessOnTarget("/login?to=%2Fa", "to", "/orders"));

    [Fact]
    public void AppendUnlessOnTarget_TargetHasAnotherParameter_AddsTheReturnPath() =>
        Assert.Equal("/login?lang=de&to=%2Forders", ReturnPaths.AppendUnlessOnTarget("/login?lang=de", "to", "/orders"));

    [Theory]
    [InlineData("/login", "/login")]
    [InlineData("/login", "/login?x=1")]
    [InlineData("/login?lang=de", "/login#top")]
    public void AppendUnlessOnTarget_ReturnPathIsTheTargetsOwnPage_IsTheTarget(string target, string returnPath) =>
        Assert.Equal(target, ReturnPaths.AppendUnlessOnTarget(target, "to", returnPath));

    [Fact]
    public void AppendUnlessOnTarget_ResultWouldBeTooLong_IsTheTargetAlone()
    {
        var longReturn = "/" + new string('a', LocalRedirect.MaxLength);

        Assert.Equal("/login", ReturnPaths.AppendUnlessOnTarget("/login", "to", longReturn));
    }
}
