namespace RefineSharp.Tests.Redirects;

public sealed class LocalRedirectTests
{
    [Theory]
    [MemberData(nameof(RedirectCases.LocalData), MemberType = typeof(RedirectCases))]
    public void IsLocal_LocalPath_ReturnsTrue(string target) => Assert.True(LocalRedirect.IsLocal(target));

    [Theory]
    [MemberData(nameof(RedirectCases.HostileData), MemberType = typeof(RedirectCases))]
    public void IsLocal_HostileTarget_ReturnsFalse(string target) => Assert.False(LocalRedirect.IsLocal(target));

    [Fact]
    public void IsLocal_Null_ReturnsFalse() => Assert.False(LocalRedirect.IsLocal(null));

    [Fact]
    public void Hostile_HasAtLeastThirtyDistinctValues() => Assert.True(RedirectCases.Hostile.Distinct().Count() >= 30);
}
