using System.Text.Json;
using System.Text.Json.Nodes;
using CsCheck;
using RefineSharp.Providers.Jwt.Tests.Fixtures;

namespace RefineSharp.Providers.Jwt.Tests;

/// <summary>
/// Answers that do not match the mapping, from a real server: generated bodies, statuses and content types never make
/// the provider throw; a sign-in succeeds exactly when the oracle (a 2xx JSON object with a non-empty string at the
/// mapped field) says so; a mismatch is logged with the name of the setting to fix.
/// </summary>
public sealed class JwtAuthProviderShapeTests : IAsyncLifetime
{
    private static readonly Gen<JsonNode?> Scalar = Gen.OneOf<JsonNode?>(
        Gen.String[0, 40].Select(s => (JsonNode?)JsonValue.Create(s)),
        Gen.Long.Select(l => (JsonNode?)JsonValue.Create(l)),
        Gen.Double[-1e6, 1e6].Select(d => (JsonNode?)JsonValue.Create(d)),
        Gen.Bool.Select(b => (JsonNode?)JsonValue.Create(b)),
        Gen.Const((JsonNode?)null),
        Gen.Const(() => (JsonNode?)new JsonObject()),
        Gen.Const(() => (JsonNode?)new JsonArray(1, "x")));

    private static readonly Gen<string> FieldName = Gen.OneOf(Gen.String[Gen.Char["a-zA-Z_"], 1, 12], Gen.Const("accessToken"), Gen.Const("refreshToken"), Gen.Const("expiresIn"), Gen.Const("id"));

    private static readonly Gen<string> JsonObjectBody = Gen.Select(FieldName, Scalar).Array[0, 6].Select(pairs =>
    {
        var body = new JsonObject();
        foreach (var (name, value) in pairs)
        {
            body[name] = value?.DeepClone();
        }

        return body.ToJsonString();
    });

    private static readonly Gen<string> AnyBody = Gen.OneOf(
        JsonObjectBody,
        Gen.String[0, 200],
        Gen.Const("<!doctype html><title>502</title>"),
        Gen.Const("[\"accessToken\"]"),
        Gen.Const("\"accessToken\""),
        Gen.Const("{\"accessToken\": \"abc\""),
        Gen.Const("null"));

    private static readonly Gen<int> Status = Gen.OneOf(Gen.Const(200), Gen.Const(201), Gen.Const(204), Gen.Const(302), Gen.Const(400), Gen.Const(401), Gen.Const(404), Gen.Const(500), Gen.Const(503));

    private static readonly Gen<string> ContentType = Gen.OneOf(Gen.Const("application/json"), Gen.Const("text/html"), Gen.Const("text/plain"));

    private ScriptedApiServer _api = null!;

    public async Task InitializeAsync() => _api = await ScriptedApiServer.StartAsync(5611);

    public async Task DisposeAsync() => await _api.DisposeAsync();

    [Fact]
    public async Task Login_GeneratedAnswers_NeverThrowAndSucceedExactlyWhenTheMappedFieldIsAToken()
    {
        await Gen.Select(Status, ContentType, AnyBody).SampleAsync(async (status, contentType, body) =>
        {
            _api.Answer = _ => (status, contentType, body);
            await using var app = new JwtClientApp(_api.Address);

            var result = await app.LoginAsync("ann@example.com", "pw");

            // A 204 carries no body whatever the server tried to write.
            var expected = status is >= 200 and < 300 and not 204 && HasStringAt(body, "accessToken");
            return result.Success == expected && (await app.Store.GetAsync() is not null) == expected;
        }, iter: 150, threads: 1);
    }

    [Fact]
    public async Task Login_AnswerUsesAnotherFieldName_FailsAndTheLogNamesTheSetting()
    {
        _api.Answer = _ => (200, "application/json", """{ "token": "eyJ.a.b", "user": { "id": 7 } }""");
        await using var app = new JwtClientApp(_api.Address);

        var result = await app.LoginAsync("ann@example.com", "pw");

        Assert.False(result.Success);
        Assert.Equal("Something went wrong", result.Error?.Name);
        var logs = app.AllLogs();
        Assert.Contains("JwtAuthOptions.AccessTokenField", logs, StringComparison.Ordinal);
        Assert.Contains("{ token, user }", logs, StringComparison.Ordinal);
        Assert.DoesNotContain("eyJ.a.b", logs, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Login_WrongEndpointName_FailsAndTheLogNamesTheSetting()
    {
        _api.Answer = path => path == "/auth/login" ? (200, "application/json", """{ "accessToken": "a" }""") : (404, "text/html", "<h1>Not found</h1>");
        await using var app = new JwtClientApp(_api.Address, o => o.LoginEndpoint = "auth/signin");

        var result = await app.LoginAsync("ann@example.com", "pw");

        Assert.False(result.Success);
        Assert.Null(await app.Store.GetAsync());
        Assert.Contains("auth/signin answered 404", app.AllLogs(), StringComparison.Ordinal);
        Assert.Contains("JwtAuthOptions.LoginEndpoint", app.AllLogs(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Login_NestedFieldPaths_AreFollowed()
    {
        _api.Answer = path => path.EndsWith("/login", StringComparison.Ordinal)
            ? (200, "application/json", """{ "data": { "access_token": "a-1", "refresh_token": "r-1", "expires_in": "120" } }""")
            : (200, "application/json", """{ "user": { "id": 42, "profile": { "display": "Zed" }, "realm": { "roles": "admin" } } }""");
        await using var app = new JwtClientApp(_api.Address, o =>
        {
            o.AccessTokenField = "data.access_token";
            o.RefreshTokenField = "data.refresh_token";
            o.ExpiresInField = "data.expires_in";
            o.IdField = "user.id";
            o.NameField = "user.profile.display";
            o.RolesField = "user.realm.roles";
        });

        Assert.True((await app.LoginAsync("zed@example.com", "pw")).Success);
        var tokens = await app.Store.GetAsync();
        Assert.Equal(("a-1", "r-1", app.Time.GetUtcNow().AddSeconds(120)), (tokens!.AccessToken, tokens.RefreshToken, tokens.ExpiresAt!.Value));
        var me = await app.Auth.GetIdentityAsync<UserIdentity>();
        Assert.Equal(("42", "Zed"), (me?.Id, me?.Name));
        Assert.Equal(["admin"], me!.Roles);
    }

    [Fact]
    public async Task Identity_GeneratedIds_StringsAndNumbersAreIdsEverythingElseIsNoIdentity()
    {
        await Gen.Select(Scalar, Gen.Bool).SampleAsync(async (id, present) =>
        {
            var user = new JsonObject { ["name"] = "Ann" };
            if (present)
            {
                user["id"] = id?.DeepClone();
            }

            _api.Answer = path => path.EndsWith("/login", StringComparison.Ordinal)
                ? (200, "application/json", """{ "accessToken": "t" }""")
                : (200, "application/json", user.ToJsonString());
            await using var app = new JwtClientApp(_api.Address);
            await app.LoginAsync("ann@example.com", "pw");

            var me = await app.Auth.GetIdentityAsync<UserIdentity>();

            string? expected = present && id is JsonValue value
                ? value.GetValueKind() switch
                {
                    JsonValueKind.String => value.GetValue<string>() is { Length: > 0 } s ? s : null,
                    JsonValueKind.Number => value.ToJsonString(),
                    _ => null,
                }
                : null;
            return me?.Id == expected && (expected is not null || app.AllLogs().Contains("JwtAuthOptions.IdField", StringComparison.Ordinal));
        }, iter: 100, threads: 1);
    }

    [Fact]
    public async Task Check_AccessTokenIsAJwtWithoutExpiresIn_ExpiryComesFromItsExpClaim()
    {
        var exp = DateTimeOffset.UtcNow.AddMinutes(3);
        var payload = Convert.ToBase64String(JsonSerializer.SerializeToUtf8Bytes(new { exp = exp.ToUnixTimeSeconds() })).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        _api.Answer = _ => (200, "application/json", $$"""{ "accessToken": "eyJhbGciOiJub25lIn0.{{payload}}.sig" }""");
        await using var app = new JwtClientApp(_api.Address, o => o.RefreshEndpoint = null);
        await app.LoginAsync("ann@example.com", "pw");

        Assert.Equal(exp.ToUnixTimeSeconds(), (await app.Store.GetAsync())!.ExpiresAt!.Value.ToUnixTimeSeconds());
        Assert.True((await app.Auth.CheckAsync()).Authenticated);

        // No refresh endpoint: past its exp the session is over.
        app.Time.Advance(TimeSpan.FromMinutes(4));
        app.Auth.InvalidateAuthStore();
        Assert.False((await app.Auth.CheckAsync()).Authenticated);
        Assert.Null(await app.Store.GetAsync());
    }

    private static bool HasStringAt(string body, string field)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.ValueKind == JsonValueKind.Object &&
                   document.RootElement.TryGetProperty(field, out var value) &&
                   (value.ValueKind == JsonValueKind.String ? value.GetString()!.Length > 0 : value.ValueKind == JsonValueKind.Number);
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
