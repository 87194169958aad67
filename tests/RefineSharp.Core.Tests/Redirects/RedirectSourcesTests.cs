using CsCheck;
using RefineSharp.Tests.TestDoubles;

namespace RefineSharp.Tests.Redirects;

/// <summary>
/// Every redirect source of the engine (the URL's <c>?to=</c>, a provider's RedirectTo, logout's RedirectPath, onError's
/// RedirectTo, with and without logout) fed the generated grammar and the hostile corpus: the navigator only ever
/// receives targets that resolve under the app's base, and a target the rule accepts is followed unchanged.
/// </summary>
public sealed class RedirectSourcesTests
{
    private const string Base = "http://127.0.0.1:5000/app/";
    private const string Fallback = "/home";

    public enum Source
    {
        ReturnPathInUrl,
        LoginRedirectTo,
        LogoutRedirectPath,
        LogoutRedirectTo,
        OnErrorRedirectTo,
        OnErrorLogoutTo,
    }

    [Fact]
    public async Task EverySource_GeneratedTargets_NavigatorReceivesOnlyLocalTargets()
    {
        await Gen.Select(RedirectGrammar.Candidate, Gen.Enum<Source>()).SampleAsync(
            async (target, source) =>
            {
                var navigations = await RunAsync(source, target);

                foreach (var navigation in navigations)
                {
                    AssertUnderBase(navigation.Path);
                }

                Assert.Equal(Expected(source, target), navigations.Select(n => n.Path));
            },
            seed: "0N0XIzNsQ0O2", iter: 1_500, threads: 1);
    }

    [Theory]
    [MemberData(nameof(RedirectCases.HostileData), MemberType = typeof(RedirectCases))]
    public async Task EverySource_HostileCorpus_FallsBackToTheLocalDefault(string target)
    {
        foreach (var source in Enum.GetValues<Source>())
        {
            var navigations = await RunAsync(source, target);

            Assert.Equal(Expected(source, target), navigations.Select(n => n.Path));
            Assert.DoesNotContain(navigations, n => n.Path == target);
        }
    }

    // A target the rule accepts is followed unchanged; otherwise the source's local default, or no navigation at all.
    private static string[] Expected(Source source, string target) =>
        LocalRedirect.IsLocal(target) ? [target]
        : source is Source.ReturnPathInUrl or Source.LogoutRedirectPath or Source.OnErrorLogoutTo ? [Fallback]
        : [];

    private static void AssertUnderBase(string path)
    {
        Assert.True(LocalRedirect.TryResolve(Base, path, out var absolute), path);
        var resolved = new Uri(absolute);
        Assert.Equal(("http", "127.0.0.1", 5000), (resolved.Scheme, resolved.Host, resolved.Port));
        Assert.StartsWith("/app/", resolved.AbsolutePath, StringComparison.Ordinal);
    }

    // One engine per run; where the engine has a second choice, the run offers the local fallback as that choice.
    private static async Task<IReadOnlyList<Navigation>> RunAsync(Source source, string target)
    {
        var provider = new FakeAuthProvider();
        await using var host = AuthTestHost.For(provider);
        // The Blazor navigator's CurrentUri is app-relative; "/" means no "come back to this page" is appended.
        host.Navigator.CurrentUri = "/";
        switch (source)
        {
            case Source.ReturnPathInUrl:
                host.Navigator.CurrentUri = "/login?to=" + Uri.EscapeDataString(target);
                provider.Login = (_, _) => Task.FromResult(AuthActionResult.Ok(Fallback));
                await host.Manager.LoginAsync(new LoginRequest());
                break;
            case Source.LoginRedirectTo:
                provider.Login = (_, _) => Task.FromResult(AuthActionResult.Ok(target));
                await host.Manager.LoginAsync(new LoginRequest());
                break;
            case Source.LogoutRedirectPath:
                provider.Logout = (_, _) => Task.FromResult(AuthActionResult.Ok(Fallback));
                await host.Manager.LogoutAsync(new LogoutRequest { RedirectPath = target });
                break;
            case Source.LogoutRedirectTo:
                provider.Logout = (_, _) => Task.FromResult(AuthActionResult.Ok(target));
                await host.Manager.LogoutAsync(new LogoutRequest());
                break;
            case Source.OnErrorRedirectTo:
                provider.OnError = (_, _) => Task.FromResult(OnErrorResult.NavigateTo(target));
                await host.Manager.OnErrorAsync(new OnErrorRequest { StatusCode = 403 });
                break;
            case Source.OnErrorLogoutTo:
                provider.OnError = (_, _) => Task.FromResult(OnErrorResult.LogoutTo(target));
                provider.Logout = (_, _) => Task.FromResult(AuthActionResult.Ok(Fallback));
                await host.Manager.OnErrorAsync(new OnErrorRequest { StatusCode = 401 });
                break;
        }

        return host.Navigator.Navigations;
    }
}
