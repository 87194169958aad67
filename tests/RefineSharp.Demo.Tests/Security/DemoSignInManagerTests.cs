using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace RefineSharp.Demo.Tests.Security;

/// <summary>
/// Sign-in attacked over real HTTP: parallel wrong passwords against the lockout, and every kind of failure compared
/// for what a client can see (status, headers, body) and for the work done (password verifications, counted by a
/// decorator of Identity's own hasher: a deterministic stand-in for timing).
/// </summary>
public sealed class DemoSignInManagerTests(DemoSignInManagerTests.Factory demo) : IClassFixture<DemoSignInManagerTests.Factory>
{
    /// <summary>The demo with a counting password hasher and sign-in limits out of the way (the lockout is under test here).</summary>
    public sealed class Factory() : DemoAppFactory(new Dictionary<string, string>
    {
        ["Demo:RateLimits:SignIn:PerAccount"] = "1000",
        ["Demo:RateLimits:SignIn:PerClient"] = "1000",
    })
    {
        public ConcurrentDictionary<string, int> Verifications { get; } = new(StringComparer.OrdinalIgnoreCase);

        protected override void ConfigureTestServices(IServiceCollection services) =>
            services.Replace(ServiceDescriptor.Scoped<IPasswordHasher<IdentityUser>>(sp =>
                new CountingPasswordHasher(new PasswordHasher<IdentityUser>(sp.GetService<IOptions<PasswordHasherOptions>>()), Verifications)));
    }

    private int Verified(string email) => demo.Verifications.TryGetValue(email, out var n) ? n : 0;

    private async Task<string> NewAccountAsync(HttpClient http, string prefix)
    {
        var email = DemoApi.NewEmail(prefix);
        await DemoApi.RegisterAsync(http, email);
        return email;
    }

    [Fact]
    public async Task Login_TwentyParallelWrongPasswords_LockTheAccountAfterExactlyTheLimitAndRefuseTheRightOne()
    {
        using var http = demo.CreateRealClient();
        var email = await NewAccountAsync(http, "parallel");
        var limit = demo.Services.GetRequiredService<IOptions<IdentityOptions>>().Value.Lockout.MaxFailedAccessAttempts;

        var wrong = await DemoApi.BurstAsync(20, async i =>
        {
            using var response = await http.SendAsync(DemoApi.Post("identity/login", new { email, password = $"Wrong{i}!pass" }));
            return response.StatusCode;
        });
        using var right = await http.SendAsync(DemoApi.Post("identity/login", new { email, password = DemoApi.Password }));

        Assert.All(wrong, s => Assert.Equal(HttpStatusCode.Unauthorized, s));
        Assert.Equal(HttpStatusCode.Unauthorized, right.StatusCode);
        // Only `limit` guesses were checked against the real hash; the rest met the lock (and the dummy hash).
        Assert.Equal(limit, Verified(email));
        await using var scope = demo.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        Assert.True(await users.IsLockedOutAsync((await users.FindByEmailAsync(email))!));
    }

    [Fact]
    public async Task Login_WrongPasswordUnknownEmailAndLockedOut_GiveTheSameAnswer()
    {
        using var http = demo.CreateRealClient();
        var known = await NewAccountAsync(http, "known");
        var locked = await NewAccountAsync(http, "locked");
        await using (var scope = demo.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
            await users.SetLockoutEndDateAsync((await users.FindByEmailAsync(locked))!, DateTimeOffset.MaxValue);
        }

        async Task<string> AnswerAsync(string email, string password)
        {
            using var response = await http.SendAsync(DemoApi.Post("identity/login", new { email, password }));
            var body = await response.Content.ReadAsStringAsync();
            var headers = string.Join("|", response.Headers.Concat(response.Content.Headers)
                .Where(h => h.Key is not "Date" and not "Content-Length")
                .OrderBy(h => h.Key, StringComparer.Ordinal)
                .Select(h => h.Key + ":" + WithoutNonce(string.Join(",", h.Value))));
            // The trace id differs per request by design; everything else must match.
            var problem = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(body)!;
            problem.Remove("traceId");
            return $"{(int)response.StatusCode} {headers} {JsonSerializer.Serialize(problem.OrderBy(p => p.Key, StringComparer.Ordinal))}";
        }

        var wrongPassword = await AnswerAsync(known, "Wrong0ne!");
        var unknown = await AnswerAsync(DemoApi.NewEmail("nobody"), "Wrong0ne!");
        var lockedWithRightPassword = await AnswerAsync(locked, DemoApi.Password);

        Assert.StartsWith("401 ", wrongPassword, StringComparison.Ordinal);
        Assert.Equal(wrongPassword, unknown);
        Assert.Equal(wrongPassword, lockedWithRightPassword);
    }

    [Fact]
    public async Task Login_UnknownEmailAndLockedAccount_VerifyOnePasswordHashLikeAWrongPassword()
    {
        using var http = demo.CreateRealClient();
        var known = await NewAccountAsync(http, "work");
        var locked = await NewAccountAsync(http, "worklocked");
        await using (var scope = demo.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
            await users.SetLockoutEndDateAsync((await users.FindByEmailAsync(locked))!, DateTimeOffset.MaxValue);
        }

        async Task<int> VerificationsAsync(string email, string password)
        {
            var before = demo.Verifications.Values.Sum();
            using var response = await http.SendAsync(DemoApi.Post("identity/login", new { email, password }));
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            return demo.Verifications.Values.Sum() - before;
        }

        // Sequential, and no other test of this class runs at the same time (xunit runs a class's tests one by one).
        Assert.Equal(1, await VerificationsAsync(known, "Wrong0ne!"));
        Assert.Equal(1, await VerificationsAsync(DemoApi.NewEmail("unknown"), "Wrong0ne!"));
        Assert.Equal(1, await VerificationsAsync(locked, DemoApi.Password));
        Assert.Equal(0, Verified(locked));
    }

    // The CSP nonce is new on every response by design (src/RefineSharp.AspNetCore/Security); everything else must match.
    private static string WithoutNonce(string value) =>
        System.Text.RegularExpressions.Regex.Replace(value, "'nonce-[0-9A-Fa-f]+'", "'nonce-*'");
}
