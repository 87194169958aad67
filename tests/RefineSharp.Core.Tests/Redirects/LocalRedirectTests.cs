namespace RefineSharp.Tests.Redirects;

public sealed class LocalRedirectTests
{
    [Theory]
    [InlineData("/")]
    [InlineData("/dashboard")]
    [InlineData("/posts?page=2&size=10")]
    [InlineData("/posts#top")]
    [InlineData("/a/b?x=%2F%2F")]
    public void IsLocal_LocalPath_ReturnsTrue(string target) => Assert.True(LocalRedirect.IsLocal(target));

    [Theory]
    [InlineData("//evil.example")]
    [InlineData("/\\evil.example")]
    [InlineData("https://evil.example")]
    [InlineData("javascript:alert(1)")]
    public void IsLocal_HostileTarget_ReturnsFalse(string target) => Assert.False(LocalRedirect.IsLocal(target));
}
