using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using RefineSharp.Demo.Data;
using RefineSharp.Demo.Security;

namespace RefineSharp.Demo.Tests.Security;

/// <summary>
/// The Identity API's rate limits, attacked over real HTTP: a burst of registrations from one client, a flood of reset
/// emails to one address, one refresh token replayed, and the app-hop exemption (which only the app's own secret earns).
/// Every test class has a server of its own (its own counters); the limits are small and set here.
/// </summary>
public sealed class DemoRateLimitingTests(DemoRateLimitingTests.Factory demo) : IClassFixture<DemoRateLimitingTests.Factory>
{
    private const int RegisterPerClient = 5;
    private const int ForgotPerAccount = 3;
    private const int RefreshPerToken = 4;
    private const int SignInPerClient = 6;

    /// <summary>The demo with small limits; each test uses a different endpoint, so their client budgets never meet.</summary>
    public sealed class Factory() : DemoAppFactory(new Dictionary<string, string>
    {
        ["Demo:RateLimits:Register:PerClient"] = $"{RegisterPerClient}",
        ["Demo:RateLimits:Register:Window"] = "00:10:00",
        ["Demo:RateLimits:ForgotPassword:PerAccount"] = $"{ForgotPerAccount}",
        ["Demo:RateLimits:ForgotPassword:PerClient"] = "1000",
        ["Demo:RateLimits:Refresh:PerAccount"] = $"{RefreshPerToken}",
        ["Demo:RateLimits:Refresh:PerClient"] = "1000",
        ["Demo:RateLimits:Refresh:Window"] = "00:10:00",
        ["Demo:RateLimits:SignIn:PerClient"] = $"{SignInPerClient}",
        ["Demo:RateLimits:SignIn:PerAccount"] = "1000",
        ["Demo:RateLimits:SignIn:Window"] = "00:10:00",
    });

    [Fact]
    public async Task Register_ThirtyFromOneClientInABurst_RefusesAllButTheClientBudgetWith429ProblemAndRetryAfter()
    {
        using var http = demo.CreateRealClient();

        var answers = await DemoApi.BurstAsync(30, async i =>
        {
            using var response = await http.SendAsync(DemoApi.Post("identity/register", new { email = DemoApi.NewEmail($"burst{i}"), password = DemoApi.Password }));
            var retryAfter = response.Headers.RetryAfter?.Delta;
            var problem = response.StatusCode == HttpStatusCode.TooManyRequests ? await DemoApi.ProblemAsync(response) : default;
            return (response.StatusCode, retryAfter, problem);
        });

        Assert.Equal(RegisterPerClient, answers.Count(a => a.StatusCode == HttpStatusCode.OK));
        var refused = answers.Where(a => a.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        Assert.Equal(30 - RegisterPerClient, refused.Count);
        Assert.All(refused, r =>
        {
            Assert.NotNull(r.retryAfter);
            Assert.InRange(r.retryAfter!.Value, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(10));
            Assert.Equal(429, r.problem.GetProperty("status").GetInt32());
        });
        await using var scope = demo.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DemoDbContext>();
        Assert.Equal(RegisterPerClient, db.Users.Count(u => u.Email!.StartsWith("burst")));
    }

    [Fact]
    public async Task ForgotPassword_ThirtyForOneAddress_SendsAtMostTheAccountBudgetOfEmails()
    {
        using var http = demo.CreateRealClient();
        var target = DemoSeeder.EditorEmail;

        // The same address written differently is the same account (normalized): the attacker gains nothing by case or spaces.
        var statuses = await DemoApi.BurstAsync(30, async i =>
        {
            var spelling = (i % 3) switch { 0 => target, 1 => target.ToUpperInvariant(), _ => " " + target + " " };
            using var response = await http.SendAsync(DemoApi.Post("identity/forgotPassword", new { email = spelling }));
            return response.StatusCode;
        });

        var sent = (await DemoApi.OutboxAsync(http)).Count(m => string.Equals(m.To, target, StringComparison.OrdinalIgnoreCase) && m.Subject == "Reset your password");
        Assert.InRange(sent, 1, ForgotPerAccount);
        Assert.Equal(ForgotPerAccount, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.Equal(30 - ForgotPerAccount, statuses.Count(s => s == HttpStatusCode.TooManyRequests));
    }

    [Fact]
    public async Task Refresh_OneTokenReusedFiftyTimes_Gets429AfterTheTokenBudget()
    {
        using var http = demo.CreateRealClient();
        // Signs in the way the circuits do (with the hop secret), so this test takes nothing from the sign-in client budget.
        using var login = DemoApi.Post("identity/login", new { email = DemoSeeder.AdminEmail, password = DemoSeeder.AdminPassword });
        login.Headers.Add(DemoAppHop.HeaderName, demo.Services.GetRequiredService<DemoAppHop>().Value);
        using var signedIn = await http.SendAsync(login);
        var tokens = await signedIn.Content.ReadFromJsonAsync<JsonElement>();
        var refreshToken = tokens.GetProperty("refreshToken").GetString()!;

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 50; i++)
        {
            using var response = await http.SendAsync(DemoApi.Post("identity/refresh", new { refreshToken }));
            statuses.Add(response.StatusCode);
        }

        Assert.Equal(Enumerable.Repeat(HttpStatusCode.OK, RefreshPerToken), statuses.Take(RefreshPerToken));
        Assert.All(statuses.Skip(RefreshPerToken), s => Assert.Equal(HttpStatusCode.TooManyRequests, s));
    }

    [Fact]
    public async Task SignIn_AppHopSecret_SkipsTheClientLimitButASpoofedHeaderDoesNot()
    {
        using var http = demo.CreateRealClient();
        var hop = demo.Services.GetRequiredService<DemoAppHop>();

        async Task<HttpStatusCode> LoginAsync(string? hopValue)
        {
            using var request = DemoApi.Post("identity/login", new { email = DemoApi.NewEmail("hop"), password = "Wrong0ne!" });
            if (hopValue is not null)
            {
                request.Headers.Add(DemoAppHop.HeaderName, hopValue);
            }

            using var response = await http.SendAsync(request);
            return response.StatusCode;
        }

        var own = new List<HttpStatusCode>();
        for (var i = 0; i < SignInPerClient * 3; i++)
        {
            own.Add(await LoginAsync(hop.Value));
        }

        var spoofed = new List<HttpStatusCode>();
        for (var i = 0; i < SignInPerClient + 3; i++)
        {
            spoofed.Add(await LoginAsync(hop.Value[..^2] + "AA"));
        }

        // Every user of the UI signs in through the app's own loopback hop: no IP budget is shared among them.
        Assert.All(own, s => Assert.Equal(HttpStatusCode.Unauthorized, s));
        Assert.Equal(SignInPerClient, spoofed.Count(s => s == HttpStatusCode.Unauthorized));
        Assert.Equal(3, spoofed.Count(s => s == HttpStatusCode.TooManyRequests));
    }

    [Fact]
    public async Task CircuitSignIn_ThroughTheProvidersHttpClient_CarriesTheAppHopSecret()
    {
        // The provider's named HttpClient (the circuits' client) is the one that gets the hop handler.
        var factory = demo.Services.GetRequiredService<IHttpClientFactory>();
        using var client = factory.CreateClient(RefineSharp.Providers.AspNetIdentity.AspNetIdentityAuthOptions.HttpClientName);
        client.BaseAddress = demo.Address;
        var hop = demo.Services.GetRequiredService<DemoAppHop>();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < SignInPerClient * 2; i++)
        {
            using var response = await client.PostAsJsonAsync(new Uri("identity/login", UriKind.Relative), new { email = DemoApi.NewEmail("circuit"), password = "Wrong0ne!" });
            statuses.Add(response.StatusCode);
        }

        Assert.False(string.IsNullOrEmpty(hop.Value));
        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.Unauthorized, s));
    }
}
