using CsCheck;

namespace RefineSharp.Tests.Redirects;

public sealed class LocalRedirectTests
{
    private const string Base = "http://127.0.0.1:5000/app/";

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

    [Theory]
    [MemberData(nameof(RedirectCases.LocalData), MemberType = typeof(RedirectCases))]
    public void TryResolve_LocalPath_IsTheBaseFollowedByThePath(string target)
    {
        Assert.True(LocalRedirect.TryResolve(Base, target, out var absolute));

        Assert.Equal(Base + target[1..], absolute);
    }

    [Theory]
    [MemberData(nameof(RedirectCases.HostileData), MemberType = typeof(RedirectCases))]
    public void TryResolve_HostileTarget_ReturnsFalse(string target)
    {
        Assert.False(LocalRedirect.TryResolve(Base, target, out var absolute));
        Assert.Null(absolute);
    }

    [Theory]
    [InlineData("")]
    [InlineData("/app/")]
    [InlineData("http://127.0.0.1:5000/app")]
    [InlineData("javascript:alert(1)//")]
    [InlineData("file:///app/")]
    [InlineData("http://127.0.0.1:5000/app/?x=1/")]
    [InlineData("http://user:pw@127.0.0.1:5000/app/")]
    public void TryResolve_BaseNotAnHttpDirectory_ReturnsFalse(string baseUri) => Assert.False(LocalRedirect.TryResolve(baseUri, "/posts", out _));

    [Fact]
    public void TryResolve_RootTarget_IsTheBase()
    {
        Assert.True(LocalRedirect.TryResolve(Base, "/", out var absolute));
        Assert.Equal(Base, absolute);
    }

    // The property of the rule, with .NET's own URI parser as a second opinion (Chromium's is the oracle in the E2E
    // differential test): whatever the grammar produces, an accepted target resolves on the base's origin under its path.
    [Fact]
    public void TryResolve_GeneratedTargets_AcceptedOnesStayUnderTheBase()
    {
        var root = new Uri(Base);
        RedirectGrammar.Candidate.Sample(target =>
        {
            var accepted = LocalRedirect.TryResolve(Base, target, out var absolute);
            Assert.Equal(LocalRedirect.IsLocal(target), accepted);
            if (accepted)
            {
                var resolved = new Uri(absolute!);
                Assert.Equal((root.Scheme, root.Host, root.Port), (resolved.Scheme, resolved.Host, resolved.Port));
                Assert.StartsWith(root.AbsolutePath, resolved.AbsolutePath, StringComparison.Ordinal);
                Assert.DoesNotContain(target, c => char.IsControl(c) || char.IsWhiteSpace(c) || c is '\\' || c > '~');
            }
        }, seed: "0N0XIzNsQ0O2", iter: 5_000, threads: 1);
    }

    [Fact]
    public void Ordinary_AppPaths_AreAllAccepted() => Assert.All(RedirectGrammar.Ordinary, path => Assert.True(LocalRedirect.IsLocal(path), path));

    [Fact]
    public void ForLog_HostileValue_IsOneBoundedAsciiLine()
    {
        var logged = LocalRedirect.ForLog("/x\r\nINFO forged\u2028" + new string('a', 5_000));

        Assert.DoesNotContain(logged, c => char.IsControl(c) || c > '~' && c != '…');
        Assert.StartsWith("/x\\u000d\\u000aINFO forged\\u2028", logged, StringComparison.Ordinal);
        Assert.True(logged.Length < 300, logged);
    }
}
