using System.Net;

namespace RefineSharp.Demo.Tests.Security;

/// <summary>Foreign Host headers are refused, and email links are built from Demo:PublicBaseUrl whatever Host a request names.</summary>
public sealed class DemoHostFilteringTests(DemoHostFilteringTests.Factory demo) : IClassFixture<DemoHostFilteringTests.Factory>
{
    private const string PublicBase = "https://demo.example.test/";

    /// <summary>The demo with a public base URL (whose host is then also allowed).</summary>
    public sealed class Factory() : DemoAppFactory(new Dictionary<string, string> { ["Demo:PublicBaseUrl"] = PublicBase });

    [Theory]
    [InlineData("evil.example")]
    [InlineData("evil.example:80")]
    [InlineData("127.0.0.1.evil.example")]
    public async Task Register_ForeignHost_Gets400AndSendsNothing(string host)
    {
        using var http = demo.CreateRealClient();
        var email = DemoApi.NewEmail("host");

        using var response = await http.SendAsync(DemoApi.Post("identity/register", $$"""{"email":"{{email}}","password":"{{DemoApi.Password}}"}""", host));
        using var forgot = await http.SendAsync(DemoApi.Post("identity/forgotPassword", """{"email":"editor@demo.local"}""", host));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, forgot.StatusCode);
        Assert.DoesNotContain(await DemoApi.OutboxAsync(http), m => m.To == email || (m.Body + m.Link).Contains("evil", StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("localhost")]
    [InlineData("demo.example.test")]
    public async Task Register_AllowedHost_ConfirmationLinkUsesThePublicBaseNotTheHostHeader(string host)
    {
        using var http = demo.CreateRealClient();
        var email = DemoApi.NewEmail("link");

        using var response = await http.SendAsync(DemoApi.Post("identity/register", $$"""{"email":"{{email}}","password":"{{DemoApi.Password}}"}""", host + ":" + demo.Address.Port));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var message = Assert.Single(await DemoApi.OutboxAsync(http), m => m.To == email);
        Assert.StartsWith(PublicBase + "identity/confirmEmail?", message.Link, StringComparison.Ordinal);
        Assert.Contains(PublicBase + "identity/confirmEmail?", message.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ForgotPassword_AllowedHost_ResetTextLinksToThePublicBase()
    {
        using var http = demo.CreateRealClient();

        using var response = await http.SendAsync(DemoApi.Post("identity/forgotPassword", """{"email":"admin@demo.local"}""", "localhost:" + demo.Address.Port));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var message = Assert.Single(await DemoApi.OutboxAsync(http), m => m.To == "admin@demo.local");
        Assert.Contains(PublicBase + "update-password?email=admin%40demo.local&code=", message.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("localhost", message.Body + message.Link, StringComparison.Ordinal);
    }
}
