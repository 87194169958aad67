using System.Text;
using System.Text.Json;
using CsCheck;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using RefineSharp.E2E.Tests.Infrastructure;
using RefineSharp.Tests.Redirects;

namespace RefineSharp.E2E.Tests.Redirects;

/// <summary>
/// The differential test of the redirect rule (docs/redirects.md): generated targets go through
/// <see cref="LocalRedirect.IsLocal"/> and through the real Blazor navigator (resolved from DI, on a NavigationManager
/// whose base has a path, /app/), and Chromium's own URL parser is the oracle. Every accepted target, read by the
/// browser as a path against the base, as an app-relative path, and as the navigator's absolute URI, must stay on the
/// base's origin with an http(s) protocol, and the last two under the base path. No server is needed: the page
/// evaluates <c>new URL(candidate, base)</c> with an explicit base, one batch per call.
/// </summary>
public sealed class RedirectOracleTests : IAsyncLifetime
{
    private const string BaseOrigin = "http://127.0.0.1:5173";
    private const string BasePath = "/app/";
    private const string Base = BaseOrigin + BasePath;

    // new URL(...) three ways; a throw is null. Each result: [protocol, origin, pathname, href].
    private const string OracleScript = """
        ([base, items]) => {
          const read = (value, against) => {
            try {
              const u = against === undefined ? new URL(value) : new URL(value, against);
              return [u.protocol, u.origin, u.pathname, u.href];
            } catch (e) {
              return null;
            }
          };
          return items.map(([candidate, absolute]) => [
            read(candidate, base),
            read(candidate.startsWith('/') ? candidate.slice(1) : candidate, base),
            absolute === null ? null : read(absolute),
          ]);
        }
        """;

    // The values of issue 7 and a few classics, as the app receives them (already decoded from the query).
    private static readonly string[] KnownHostile =
    [
        "/javascript:alert(document.domain)", "/https:evil.example", "/%2F%2Fevil.example", "/\t/evil.example", "/%5Cevil.example",
        "/javascript%3Aalert(1)", "//evil.example", "/\\evil.example", "/\\\\evil.example", "/ /evil.example", "/java\tscript:alert(1)",
        "/JAVASCRIPT:alert(1)", "/data:text/html,<script>alert(1)</script>", "/vbscript:msgbox(1)", "/http:evil.example", "/%252F%252Fevil.example",
        "/\u2215\u2215evil.example", "/\uFF0F\uFF0Fevil.example", "/https\uFF1Aevil.example", "/%EF%BC%8F%EF%BC%8Fevil.example", "/evil\u3002example",
        "/..", "/../evil", "/%2e%2e/evil", "/.%2E/evil", "/%252e%252e/evil", "/a/../../evil", "/" + new string('a', LocalRedirect.MaxLength),
    ];

    private static readonly string[] Ordinary = ["/", "/posts", "/posts?page=2&q=a%20b", "/a/b#frag", "/%C3%A9t%C3%A9", "/posts/42/edit", "/search?q=a+b%20c"];

    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private IPage? _page;

    public async Task InitializeAsync()
    {
        (_playwright, _browser) = await Browser.LaunchAsync();
        _page = await _browser.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
    }

    [Fact]
    public async Task Navigator_GeneratedTargets_EveryAcceptedOneStaysUnderTheBaseInChromium()
    {
        var accepted = 0;
        var refused = 0;
        await RedirectGrammar.Candidate.Array[500].SampleAsync(
            async batch =>
            {
                var verdicts = await JudgeAsync(batch);
                Assert.Empty(verdicts.Where(v => v.Failure is not null).Select(v => v.Failure).Take(20));
                Interlocked.Add(ref accepted, verdicts.Count(v => v.Accepted));
                Interlocked.Add(ref refused, verdicts.Count(v => !v.Accepted));
            },
            seed: "0N0XIzNsQ0O2", iter: 8, threads: 1, print: batch => $"a batch of {batch.Length} (the failures are listed above)");

        // 4,000 candidates: the rule must neither accept everything nor refuse everything.
        Assert.Equal(4_000, accepted + refused);
        Assert.InRange(accepted, 200, 3_800);
    }

    [Fact]
    public async Task Navigator_KnownHostileTargets_RefusedAndNeverHandedToNavigationManager()
    {
        var verdicts = await JudgeAsync(KnownHostile);

        Assert.All(verdicts, v => Assert.False(v.Accepted, Escape(v.Candidate)));
        Assert.All(verdicts, v => Assert.Null(v.Failure));
    }

    [Fact]
    public async Task Navigator_OrdinaryAppPaths_AcceptedAndResolvedWhereChromiumResolvesThem()
    {
        var verdicts = await JudgeAsync(Ordinary);

        Assert.All(verdicts, v => Assert.True(v.Accepted, v.Candidate));
        Assert.All(verdicts, v => Assert.Null(v.Failure));
        Assert.Equal(Base + "posts?page=2&q=a%20b", verdicts[2].Absolute);
    }

    private async Task<IReadOnlyList<Verdict>> JudgeAsync(IReadOnlyList<string> candidates)
    {
        var absolutes = candidates.Select(NavigatorUri).ToArray();
        var items = candidates.Select((c, i) => new[] { c, absolutes[i] }).ToArray();
        var results = await _page!.EvaluateAsync<JsonElement>(OracleScript, new object[] { Base, items });

        var verdicts = new List<Verdict>(candidates.Count);
        for (var i = 0; i < candidates.Count; i++)
        {
            var candidate = candidates[i];
            var result = results[i];
            var isLocal = LocalRedirect.IsLocal(candidate);
            verdicts.Add(new Verdict(candidate, isLocal, absolutes[i], Check(candidate, isLocal, absolutes[i], Read(result[0]), Read(result[1]), Read(result[2]))));
        }

        return verdicts;
    }

    private static string? Check(string candidate, bool isLocal, string? absolute, string[]? asPath, string[]? asAppPath, string[]? asAbsolute)
    {
        var label = Escape(candidate);
        if (isLocal != (absolute is not null))
        {
            return $"{label}: validator says {isLocal}, navigator {(absolute is null ? "refused" : "navigated")}";
        }

        if (!isLocal)
        {
            return null;
        }

        if (asPath is null || asPath[0] is not ("http:" or "https:") || asPath[1] != BaseOrigin)
        {
            return $"{label}: as a path Chromium reads {Show(asPath)}";
        }

        if (asAppPath is null || asAppPath[0] != "http:" || asAppPath[1] != BaseOrigin || !asAppPath[2].StartsWith(BasePath, StringComparison.Ordinal))
        {
            return $"{label}: as an app path Chromium reads {Show(asAppPath)}";
        }

        if (asAbsolute is null || asAbsolute[0] != "http:" || asAbsolute[1] != BaseOrigin || !asAbsolute[2].StartsWith(BasePath, StringComparison.Ordinal))
        {
            return $"{label}: the navigator's {Escape(absolute!)} is {Show(asAbsolute)}";
        }

        // The navigator's URI is the very URL the browser makes of the app path: nothing is lost or added on the way.
        return asAbsolute[3] == asAppPath[3] ? null : $"{label}: navigator {asAbsolute[3]} but Chromium {asAppPath[3]}";
    }

    // The real navigator, as the app gets it from DI, on a NavigationManager that records what it is asked.
    private static readonly ServiceProvider Services = new ServiceCollection()
        .AddLogging()
        .AddRefine().AddBlazor().Services
        .AddScoped<NavigationManager, RecordingNavigationManager>()
        .BuildServiceProvider();

    private static string? NavigatorUri(string candidate)
    {
        using var scope = Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<INavigator>().NavigateTo(candidate, NavigationKind.Push);
        var requested = ((RecordingNavigationManager)scope.ServiceProvider.GetRequiredService<NavigationManager>()).Requested;
        return requested.Count switch
        {
            0 => null,
            1 => requested[0],
            _ => throw new InvalidOperationException("The navigator navigated more than once."),
        };
    }

    private static string[]? Read(JsonElement element) =>
        element.ValueKind == JsonValueKind.Null ? null : [.. element.EnumerateArray().Select(e => e.GetString() ?? "")];

    private static string Show(string[]? parts) => parts is null ? "a parse error" : string.Join(" ", parts);

    private static string Escape(string value)
    {
        var text = new StringBuilder();
        foreach (var c in value.Length > 120 ? value[..120] + "…" : value)
        {
            text.Append(c is >= ' ' and <= '~' ? c.ToString() : $"\\u{(int)c:x4}");
        }

        return text.ToString();
    }

    private sealed record Verdict(string Candidate, bool Accepted, string? Absolute, string? Failure);

    private sealed class RecordingNavigationManager : NavigationManager
    {
        public RecordingNavigationManager() => Initialize(Base, Base + "login");

        public List<string> Requested { get; } = [];

        protected override void NavigateToCore(string uri, NavigationOptions options) => Requested.Add(uri);
    }
}
