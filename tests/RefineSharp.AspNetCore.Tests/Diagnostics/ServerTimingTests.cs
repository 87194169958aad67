using System.Globalization;
using System.Text.RegularExpressions;
using CsCheck;
using RefineSharp.AspNetCore.Diagnostics;

namespace RefineSharp.AspNetCore.Tests.Diagnostics;

/// <summary>The opt-in Server-Timing: each part lands in the request that caused it, and the header stays well formed and free of secrets.</summary>
public sealed partial class ServerTimingTests
{
    // RFC 9110 token, ";dur=" number, optional quoted desc with no quote, backslash, comma or semicolon inside.
    [GeneratedRegex("""^[!#$%&'*+\-.^_`|~0-9A-Za-z]+;dur=\d+\.\d(;desc="[^"\\,;\x00-\x1f\x7f-\uffff]*")?$""")]
    private static partial Regex Metric();

    private static List<(string Name, string? Desc, double Dur)> Metrics(string header) =>
        [.. header.Split(", ").Select(m =>
        {
            Assert.Matches(Metric(), m);
            var parts = m.Split(';');
            var desc = parts.Length > 2 ? parts[2]["desc=\"".Length..^1] : null;
            return (parts[0], desc, double.Parse(parts[1]["dur=".Length..], CultureInfo.InvariantCulture));
        })];

    [Fact]
    public async Task SignInShapedRequest_HeaderHasStoreCallAndTheApisHashButNoQuery()
    {
        await using var host = await TimingHost.StartAsync(timed: true);
        using var client = host.NewClient();

        using var response = await client.GetAsync(new Uri("outer?hashes=2", UriKind.Relative));

        response.EnsureSuccessStatusCode();
        var header = Assert.Single(response.Headers.GetValues("Server-Timing"));
        Assert.DoesNotContain(TimingHost.Secret, header, StringComparison.Ordinal);
        var metrics = Metrics(header);
        Assert.Contains(metrics, m => m is { Name: "store", Desc: "set" });
        Assert.Contains(metrics, m => m is { Name: "store", Desc: "get" });
        Assert.Contains(metrics, m => m is { Name: "call", Desc: "GET /inner" });

        // The hash ran in the inner request, not this one: it arrives only through the inner response's header.
        Assert.DoesNotContain(metrics, m => m.Name == "hash");
        Assert.Contains(metrics, m => m.Name == "api-hash");
        Assert.Contains(metrics, m => m.Name == "api-total");
        Assert.Equal("total", metrics[^1].Name);

        // The outer total includes the call, which includes the inner request's whole time.
        var total = metrics[^1].Dur;
        var call = metrics.Single(m => m.Name == "call").Dur;
        Assert.True(call <= total, header);
        Assert.True(metrics.Single(m => m.Name == "api-hash").Dur <= metrics.Single(m => m.Name == "api-total").Dur, header);
    }

    [Fact]
    public async Task ConcurrentRequests_EachHeaderCountsOnlyItsOwnHashes()
    {
        await using var host = await TimingHost.StartAsync(timed: true);
        using var client = host.NewClient();
        var counts = Enumerable.Range(1, 8).Select(i => i % 4 + 1).ToArray();

        var headers = await Task.WhenAll(counts.Select(async n =>
        {
            using var response = await client.GetAsync(new Uri($"hash?count={n}", UriKind.Relative));
            response.EnsureSuccessStatusCode();
            return (n, Metrics(Assert.Single(response.Headers.GetValues("Server-Timing"))));
        }));

        foreach (var (n, metrics) in headers)
        {
            var hash = metrics.Single(m => m.Name == "hash");
            Assert.Equal(n == 1 ? null : "x" + n.ToString(CultureInfo.InvariantCulture), hash.Desc);
        }
    }

    [Fact]
    public async Task NotOptedIn_NoHeader()
    {
        await using var host = await TimingHost.StartAsync(timed: false);
        using var client = host.NewClient();

        using var response = await client.GetAsync(new Uri("outer", UriKind.Relative));

        response.EnsureSuccessStatusCode();
        Assert.False(response.Headers.Contains("Server-Timing"));
    }

    [Fact]
    public async Task HostileNestedHeader_IsCappedAndStaysWellFormed()
    {
        var forged = string.Join(", ", Enumerable.Range(0, 100).Select(i => $"a\"b\\{i};dur={i}"))
            + ", x;dur=NaN, y;dur=-5, z;dur=1e400, " + new string('n', 500) + ";dur=1;desc=\"p, q;dur=9\"";
        await using var host = await TimingHost.StartAsync(timed: true, forgedInnerHeader: forged);
        using var client = host.NewClient();

        using var response = await client.GetAsync(new Uri("outer", UriKind.Relative));

        var metrics = Metrics(Assert.Single(response.Headers.GetValues("Server-Timing")));
        Assert.InRange(metrics.Count(m => m.Name.StartsWith("api-", StringComparison.Ordinal)), 1, 16);
        Assert.DoesNotContain(metrics, m => m.Name is "api-x" or "api-y" or "api-z");
        Assert.All(metrics, m => Assert.InRange(m.Name.Length, 1, 40));
    }

    [Fact]
    public void GeneratedNamesAndDescriptions_HeaderParsesBackToTheSameMetrics()
    {
        var entry = Gen.Select(Gen.String, Gen.String.Null(), Gen.Double[0, 1e6]);
        entry.Array[0, 12].Sample(entries =>
        {
            var recorder = new ServerTimingRecorder();
            foreach (var (name, desc, ms) in entries)
            {
                recorder.Add(name, desc, ms);
            }

            var header = recorder.ToHeaderValue(42);
            var metrics = Metrics(header);
            Assert.Equal(recorder.Snapshot().Count + 1, metrics.Count);
            var parsed = ServerTimingHeader.Parse([header]).ToList();
            Assert.Equal(metrics.Select(m => m.Name), parsed.Select(p => p.Name));
        });
    }

    [Fact]
    public void GeneratedOutgoingUris_CallDescriptionNeverCarriesTheQuery()
    {
        Gen.Select(Gen.String[Gen.Char["a-z/%.~"], 0, 30], Gen.String[Gen.Char.AlphaNumeric, 1, 30]).Sample((path, secret) =>
        {
            var uri = new Uri("http://127.0.0.1:1/" + path + "?token=" + secret + "#" + secret);
            var text = ServerTimingFormat.QuotedText(ServerTimingFormat.Call("GET", uri));
            Assert.DoesNotContain("token=", text, StringComparison.Ordinal);
            Assert.DoesNotContain('?' + "token", text, StringComparison.Ordinal);
        });
    }
}
