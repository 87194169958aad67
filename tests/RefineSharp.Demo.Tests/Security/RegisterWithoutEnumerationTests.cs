using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using RefineSharp.Demo.Data;

namespace RefineSharp.Demo.Tests.Security;

/// <summary>Registration and password reset do not tell a client whether an account exists.</summary>
public sealed class RegisterWithoutEnumerationTests(DemoAppFactory demo) : IClassFixture<DemoAppFactory>
{
    private static async Task<string> AnswerAsync(HttpResponseMessage response)
    {
        var headers = string.Join("|", response.Headers.Concat(response.Content.Headers)
            .Where(h => h.Key is not "Date")
            .OrderBy(h => h.Key, StringComparer.Ordinal)
            .Select(h => h.Key + ":" + WithoutNonce(string.Join(",", h.Value))));
        return $"{(int)response.StatusCode} {headers} [{await response.Content.ReadAsStringAsync()}]";
    }

    [Fact]
    public async Task Register_ExistingEmail_AnswersLikeANewOneAndMailsTheOwner()
    {
        using var http = demo.CreateRealClient();
        var email = DemoApi.NewEmail("twice");

        using var first = await http.SendAsync(DemoApi.Post("identity/register", new { email, password = DemoApi.Password }));
        using var again = await http.SendAsync(DemoApi.Post("identity/register", new { email = email.ToUpperInvariant(), password = "Other0ne!pw" }));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(await AnswerAsync(first), await AnswerAsync(again));
        var outbox = await DemoApi.OutboxAsync(http);
        Assert.Single(outbox, m => string.Equals(m.To, email, StringComparison.OrdinalIgnoreCase) && m.Subject == "Confirm your email");
        Assert.Single(outbox, m => string.Equals(m.To, email, StringComparison.OrdinalIgnoreCase) && m.Subject == "You already have an account");
        // The account is unchanged: the first password still signs in.
        await DemoApi.LoginAsync(http, email);
    }

    [Fact]
    public async Task Register_WeakPasswordForExistingAndNewEmail_GetTheSameErrors()
    {
        using var http = demo.CreateRealClient();

        using var existing = await http.SendAsync(DemoApi.Post("identity/register", new { email = DemoSeeder.EditorEmail, password = "weak" }));
        using var fresh = await http.SendAsync(DemoApi.Post("identity/register", new { email = DemoApi.NewEmail("weak"), password = "weak" }));

        Assert.Equal(HttpStatusCode.BadRequest, existing.StatusCode);
        var errors = (await DemoApi.ProblemAsync(existing)).GetProperty("errors").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToArray();
        var freshErrors = (await DemoApi.ProblemAsync(fresh)).GetProperty("errors").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(freshErrors, errors);
        Assert.DoesNotContain(errors, e => e.StartsWith("Duplicate", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Register_SameNewEmailInParallel_NeverAnswersDuplicate()
    {
        using var http = demo.CreateRealClient();
        var email = DemoApi.NewEmail("race");

        // Three: within the per-account register budget (the limiter is not under test here).
        var answers = await DemoApi.BurstAsync(3, async _ =>
        {
            using var response = await http.SendAsync(DemoApi.Post("identity/register", new { email, password = DemoApi.Password }));
            return (response.StatusCode, Body: await response.Content.ReadAsStringAsync());
        });

        Assert.All(answers, a => Assert.Equal((HttpStatusCode.OK, ""), a));
        await using var scope = demo.Services.CreateAsyncScope();
        Assert.NotNull(await scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>().FindByEmailAsync(email));
    }

    [Fact]
    public async Task ForgotPassword_UnknownAndKnownEmail_BothAnswer200WithTheSameBody()
    {
        using var http = demo.CreateRealClient();

        using var known = await http.SendAsync(DemoApi.Post("identity/forgotPassword", new { email = DemoSeeder.AdminEmail }));
        using var unknown = await http.SendAsync(DemoApi.Post("identity/forgotPassword", new { email = DemoApi.NewEmail("nobody") }));

        Assert.Equal(HttpStatusCode.OK, known.StatusCode);
        Assert.Equal(await AnswerAsync(known), await AnswerAsync(unknown));
    }

    // The CSP nonce is new on every response by design (src/RefineSharp.AspNetCore/Security); everything else must match.
    private static string WithoutNonce(string value) =>
        System.Text.RegularExpressions.Regex.Replace(value, "'nonce-[0-9A-Fa-f]+'", "'nonce-*'");
}
