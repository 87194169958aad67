using System.Globalization;
using System.Net;
using System.Text;
using CsCheck;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using RefineSharp.Providers.AspNetIdentity.Http;
using RefineSharp.Providers.AspNetIdentity.Tests.Fixtures;
using RefineSharp.Tokens;

namespace RefineSharp.Providers.AspNetIdentity.Tests;

/// <summary>
/// The Identity API client against a stub server that answers /login and /refresh with garbage: every answer becomes a
/// clean failure (login: "Invalid response"; refresh: refused), never an escaping exception or a nonsense expiry.
/// </summary>
public sealed class IdentityApiClientGarbageTests
{
    private static readonly DateTimeOffset Now = new(2030, 1, 1, 12, 0, 0, TimeSpan.Zero);

    public static TheoryData<string> GarbageBodies => new()
    {
        """{"tokenType":"Bearer","accessToken":"a","expiresIn":1e300,"refreshToken":"r"}""",
        """{"tokenType":"Bearer","accessToken":"a","expiresIn":-5,"refreshToken":"r"}""",
        """{"tokenType":"Bearer","accessToken":"a","expiresIn":0,"refreshToken":"r"}""",
        """{"tokenType":"Bearer","accessToken":"a","expiresIn":9223372036854775807,"refreshToken":"r"}""",
        """{"tokenType":"Bearer","accessToken":"a","expiresIn":3600.5,"refreshToken":"r"}""",
        """{"tokenType":"Bearer","accessToken":"a","expiresIn":"-5","refreshToken":"r"}""",
        """{"tokenType":"Bearer","accessToken":"a","expiresIn":"NaN","refreshToken":"r"}""",
        """{"tokenType":"Mac","accessToken":"a","expiresIn":3600,"refreshToken":"r"}""",
        """{"tokenType":"","accessToken":"a","expiresIn":3600,"refreshToken":"r"}""",
        """{"accessToken":"a","expiresIn":3600,"refreshToken":"r"}""",
        """{"tokenType":"Bearer","expiresIn":3600,"refreshToken":"r"}""",
        """{"tokenType":"Bearer","accessToken":"","expiresIn":3600,"refreshToken":"r"}""",
        """{"tokenType":"Bearer","accessToken":"a\r\nX-Injected: 1","expiresIn":3600,"refreshToken":"r"}""",
        """{"tokenType":"Bearer","accessToken":"a b","expiresIn":3600,"refreshToken":"r"}""",
        """{"tokenType":"Bearer","accessToken":"a","expiresIn":3600,"refreshToken":"r\u0000"}""",
        """{"tokenType":"Bearer","accessToken":"a","expiresIn":3600,"refreshToken":"r""",
        """{"tokenType":"Bearer","accessToken":null,"expiresIn":null}""",
        "null",
        "{}",
        "[]",
        "42",
        "\"Bearer\"",
        "<html>502 Bad Gateway</html>",
        "",
    };

    [Theory]
    [MemberData(nameof(GarbageBodies))]
    public async Task LoginAsync_GarbageTokenBody_FailsWithInvalidResponseAndStoresNothing(string body)
    {
        await using var app = new StubApp(_ => (HttpStatusCode.OK, body));

        var result = await app.Auth.LoginAsync(new LoginRequest { Email = "someone@test.local", Password = "Passw0rd!" });

        Assert.False(result.Success);
        Assert.Equal("Invalid response", result.Error?.Name);
        Assert.Null(await app.Store.GetAsync());
    }

    [Theory]
    [MemberData(nameof(GarbageBodies))]
    public async Task RefreshAsync_GarbageTokenBody_CountsAsRefused(string body)
    {
        await using var app = new StubApp(_ => (HttpStatusCode.OK, body));

        var renewed = await app.Refresher.RefreshAsync(new TokenSet { AccessToken = "old", RefreshToken = "r" });

        Assert.Null(renewed);
    }

    [Fact]
    public async Task LoginAsync_WellFormedBody_StoresTokensWithTheAnnouncedExpiry()
    {
        await using var app = new StubApp(_ => (HttpStatusCode.OK, """{"tokenType":"bearer","accessToken":"a.b-c_d","expiresIn":3600,"refreshToken":"r"}"""));

        var result = await app.Auth.LoginAsync(new LoginRequest { Email = "someone@test.local", Password = "Passw0rd!" });

        Assert.True(result.Success);
        var tokens = await app.Store.GetAsync();
        Assert.Equal("a.b-c_d", tokens?.AccessToken);
        Assert.Equal("Bearer", tokens?.TokenType);
        Assert.Equal(Now.AddHours(1), tokens?.ExpiresAt);
    }

    [Fact]
    public async Task LoginAsync_ErrorWithNullValidationList_FailsCleanly()
    {
        await using var app = new StubApp(_ => (HttpStatusCode.BadRequest, """{"title":"x","errors":{"Email":null,"Password":[null,"too short"]}}"""));

        var result = await app.Auth.LoginAsync(new LoginRequest { Email = "someone@test.local", Password = "Passw0rd!" });

        Assert.False(result.Success);
        Assert.Equal("too short", result.Error?.Message);
    }

    /// <summary>
    /// Generated token responses (valid and broken fields, wrong JSON types, truncation) against an independent oracle:
    /// the login succeeds exactly when every field is what Identity sends, and then stores the announced expiry.
    /// </summary>
    [Fact]
    public async Task LoginAsync_GeneratedTokenBodies_SucceedExactlyWhenWellFormed()
    {
        var tokenChars = Gen.Char['!', '~'];
        var goodToken = tokenChars.Array[1, 40].Select(c => new string(c));
        var anyString = Gen.OneOf(
            Gen.String[Gen.Char.AlphaNumeric, 0, 10], Gen.String, Gen.Const("Bearer"), Gen.Const("bearer"), Gen.Const("BEARER"), Gen.Const("Bearer "), Gen.Const("Mac"));
        var field = Gen.OneOf(
            goodToken.Select(t => (Json: Quote(t), Valid: true)),
            Gen.String.Select(t => (Json: Quote(t), Valid: t.Length > 0 && t.All(c => c is > ' ' and < '\u007f'))),
            Gen.Const((Json: "null", Valid: false)),
            Gen.Long.Select(n => (Json: n.ToString(CultureInfo.InvariantCulture), Valid: false)));
        var tokenType = anyString.Select(t => (Json: Quote(t), Valid: string.Equals(t, "Bearer", StringComparison.OrdinalIgnoreCase)));
        var expiresIn = Gen.OneOf(
            Gen.Long[1, AccessTokenResponse.MaxExpiresInSeconds].Select(n => n.ToString(CultureInfo.InvariantCulture)),
            Gen.Long.Select(n => n.ToString(CultureInfo.InvariantCulture)),
            Gen.Double.Select(d => d.ToString("R", CultureInfo.InvariantCulture)),
            Gen.Long.Select(n => "\"" + n.ToString(CultureInfo.InvariantCulture) + "\""),
            Gen.Const("1e300"),
            Gen.Const("true")).Select(json => (Json: json, Seconds: ExpectedSeconds(json)));
        // A refresh token may be absent (null); otherwise the same rules as the access token.
        var refresh = field.Select(f => f.Json == "null" ? (f.Json, Valid: true) : f);
        var cases = Gen.Select(tokenType, field, expiresIn, refresh, Gen.Int[0, 3], Gen.Int[0, 1000]);

        await cases.SampleAsync(
            async (type, access, expires, refreshToken, shape, cut) =>
            {
                var json = $$"""{"tokenType":{{type.Json}},"accessToken":{{access.Json}},"expiresIn":{{expires.Json}},"refreshToken":{{refreshToken.Json}}}""";
                var truncated = shape == 0 && cut < json.Length - 1;
                var body = truncated ? json[..cut] : json;
                var wellFormed = !truncated && type.Valid && access.Valid && refreshToken.Valid && expires.Seconds is not null;
                await using var app = new StubApp(_ => (HttpStatusCode.OK, body));

                var result = await app.Auth.LoginAsync(new LoginRequest { Email = "someone@test.local", Password = "Passw0rd!" });

                var tokens = await app.Store.GetAsync();
                if (wellFormed)
                {
                    Assert.True(result.Success, body);
                    Assert.Equal(Now.AddSeconds(expires.Seconds!.Value), tokens?.ExpiresAt);
                }
                else
                {
                    Assert.False(result.Success, body);
                    Assert.Equal("Invalid response", result.Error?.Name);
                    Assert.Null(tokens);
                }
            },
            iter: 1000,
            threads: 1);
    }

    // The oracle: JSON integer syntax (the web defaults also read it from a string) in 1 .. MaxExpiresInSeconds.
    private static long? ExpectedSeconds(string json) =>
        long.TryParse(json.Trim('"'), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) && n is > 0 and <= AccessTokenResponse.MaxExpiresInSeconds ? n : null;

    private static string Quote(string value) => System.Text.Json.JsonSerializer.Serialize(value);

    /// <summary>The provider with its HTTP client's primary handler replaced by a stub that answers every request.</summary>
    private sealed class StubApp : IAsyncDisposable
    {
        private readonly ServiceProvider _root;
        private readonly AsyncServiceScope _scope;

        public StubApp(Func<HttpRequestMessage, (HttpStatusCode Status, string Body)> answer)
        {
            var services = new ServiceCollection();
            services.AddSingleton<TimeProvider>(new FakeTimeProvider(Now));
            services.AddScoped<INavigator>(_ => new RecordingNavigator());
            services.AddScoped<INotificationService>(_ => new RecordingNotifications());
            services.AddRefine().AddAspNetIdentityAuth(o => o.BaseAddress = new Uri("https://identity.test/"));
            services.AddHttpClient(AspNetIdentityAuthOptions.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => new Stub(answer));
            _root = services.BuildServiceProvider();
            _scope = _root.CreateAsyncScope();
        }

        public AuthManager Auth => _scope.ServiceProvider.GetRequiredService<AuthManager>();

        public ITokenStore Store => _scope.ServiceProvider.GetRequiredService<ITokenStore>();

        public ITokenRefresher Refresher => _scope.ServiceProvider.GetRequiredService<ITokenRefresher>();

        public async ValueTask DisposeAsync()
        {
            await _scope.DisposeAsync();
            await _root.DisposeAsync();
        }

        private sealed class Stub(Func<HttpRequestMessage, (HttpStatusCode Status, string Body)> answer) : HttpMessageHandler
        {
            protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            {
                var (status, body) = answer(request);
                return Task.FromResult(new HttpResponseMessage(status)
                {
                    RequestMessage = request,
                    Content = new StringContent(body, Encoding.UTF8, "application/json"),
                });
            }
        }
    }
}
