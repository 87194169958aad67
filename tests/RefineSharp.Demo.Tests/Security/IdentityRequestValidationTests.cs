using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CsCheck;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RefineSharp.Demo.Data;

namespace RefineSharp.Demo.Tests.Security;

/// <summary>
/// Bad bodies against every /identity endpoint that takes one, over real HTTP: generated malformed JSON (null and
/// wrong-typed fields, missing required fields, bodies that are no object or no JSON) must get 400 problem details,
/// never a 500; oversized fields and bodies get 400 naming the field, and nothing is stored.
/// </summary>
public sealed class IdentityRequestValidationTests(IdentityRequestValidationTests.Factory demo) : IClassFixture<IdentityRequestValidationTests.Factory>
{
    /// <summary>The demo with the limits out of the way: this class sends hundreds of requests from one client.</summary>
    public sealed class Factory() : DemoAppFactory(new Dictionary<string, string>
    {
        ["Demo:RateLimits:SignIn:PerClient"] = "100000",
        ["Demo:RateLimits:Register:PerClient"] = "100000",
        ["Demo:RateLimits:ForgotPassword:PerClient"] = "100000",
        ["Demo:RateLimits:ResetPassword:PerClient"] = "100000",
        ["Demo:RateLimits:ResendConfirmation:PerClient"] = "100000",
        ["Demo:RateLimits:Refresh:PerClient"] = "100000",
    });

    private enum Kind
    {
        Text,
        Flag,
    }

    private sealed record Field(string Name, Kind Kind, bool Required, bool Nullable);

    // The oracle, written from the request types of ASP.NET Core's MapIdentityApi (RegisterRequest, LoginRequest, ...),
    // independently of the demo's validation table: which fields each endpoint binds, and which may be null or absent.
    private static readonly (string Path, Field[] Fields)[] Endpoints =
    [
        ("identity/register", [new("email", Kind.Text, true, false), new("password", Kind.Text, true, false)]),
        ("identity/login", [new("email", Kind.Text, true, false), new("password", Kind.Text, true, false), new("twoFactorCode", Kind.Text, false, true), new("twoFactorRecoveryCode", Kind.Text, false, true)]),
        ("identity/refresh", [new("refreshToken", Kind.Text, true, false)]),
        ("identity/resendConfirmationEmail", [new("email", Kind.Text, true, false)]),
        ("identity/forgotPassword", [new("email", Kind.Text, true, false)]),
        ("identity/resetPassword", [new("email", Kind.Text, true, false), new("resetCode", Kind.Text, true, false), new("newPassword", Kind.Text, true, false)]),
        ("identity/manage/2fa", [new("enable", Kind.Flag, false, true), new("twoFactorCode", Kind.Text, false, true), new("resetSharedKey", Kind.Flag, false, false), new("resetRecoveryCodes", Kind.Flag, false, false), new("forgetMachine", Kind.Flag, false, false)]),
        ("identity/manage/info", [new("newEmail", Kind.Text, false, true), new("newPassword", Kind.Text, false, true), new("oldPassword", Kind.Text, false, true)]),
    ];

    private static readonly Gen<string> Word = Gen.Char['a', 'z'].Array[0, 12].Select(c => new string(c));

    /// <summary>A value that is wrong for a field of <paramref name="kind"/> (null only when null is not allowed).</summary>
    private static Gen<JsonNode?> WrongValue(Kind kind, bool nullable)
    {
        var wrong = new List<Gen<JsonNode?>>
        {
            Gen.Int.Select(i => (JsonNode?)JsonValue.Create(i)),
            Gen.Double.Where(double.IsFinite).Select(d => (JsonNode?)JsonValue.Create(d)),
            Word.Select(w => (JsonNode?)new JsonArray(JsonValue.Create(w))),
            Word.Select(w => (JsonNode?)new JsonObject { [w] = w }),
            Gen.Const((JsonNode?)new JsonArray()),
        };
        wrong.Add(kind == Kind.Text ? Gen.Bool.Select(b => (JsonNode?)JsonValue.Create(b)) : Word.Select(w => (JsonNode?)JsonValue.Create(w)));
        if (!nullable)
        {
            wrong.Add(Gen.Const((JsonNode?)null));
        }

        return Gen.OneOf([.. wrong]);
    }

    private static JsonNode? GoodValue(Field field) => field.Kind == Kind.Flag
        ? JsonValue.Create(true)
        : JsonValue.Create(field.Name.Contains("mail", StringComparison.OrdinalIgnoreCase) ? "someone@sec.local" : "Passw0rd!x");

    /// <summary>A body that is malformed by construction: a field made wrong, a required field dropped, or no JSON object at all.</summary>
    private static readonly Gen<(string Path, string Body)> Malformed =
        from endpoint in Gen.Int[0, Endpoints.Length - 1].Select(i => Endpoints[i])
        from how in Gen.Int[0, 9]
        from pick in Gen.Int[0, 99]
        from extra in Word
        from body in how switch
        {
            // A whole body that is not a JSON object ("{" + a non-empty word + "}": "{}" is a valid object, and for an
            // endpoint whose fields are all optional, such as /manage/2fa, a valid request).
            0 => Gen.OneOf(Gen.Const("null"), Gen.Const("[]"), Gen.Const("42"), Gen.Const("\"text\""), Gen.Const(""), Gen.Const("{"), Gen.Const("{\"email\":"), Word.Where(w => w.Length > 0).Select(w => "{" + w + "}"), Gen.Const("{\"a\":1,}")),
            // A required field dropped (when the endpoint has one).
            1 when endpoint.Fields.Any(f => f.Required) => Gen.Const(Build(endpoint.Fields, drop: endpoint.Fields.Where(f => f.Required).ElementAt(pick % endpoint.Fields.Count(f => f.Required)).Name)),
            // One field (in any letter case, as the binder matches) with a wrong value; the rest good, plus an unknown field.
            _ => WrongValue(endpoint.Fields[pick % endpoint.Fields.Length].Kind, endpoint.Fields[pick % endpoint.Fields.Length].Nullable).Select(bad =>
            {
                var target = endpoint.Fields[pick % endpoint.Fields.Length];
                var json = JsonNode.Parse(Build(endpoint.Fields, drop: target.Name))!.AsObject();
                json[how % 2 == 0 ? target.Name : target.Name.ToUpperInvariant()] = bad;
                json["x" + extra] = extra;
                return json.ToJsonString();
            }),
        }
        select (endpoint.Path, body);

    private static string Build(Field[] fields, string? drop) =>
        new JsonObject(fields.Where(f => f.Name != drop).Select(f => KeyValuePair.Create(f.Name, GoodValue(f)))).ToJsonString();

    [Fact]
    public async Task IdentityEndpoints_GeneratedMalformedJson_Get400ProblemDetailsNever500()
    {
        using var http = demo.CreateRealClient();
        // The /manage endpoints need a signed-in user (else authorization answers 401 before the body is read).
        var email = DemoApi.NewEmail("malformed");
        await DemoApi.RegisterAsync(http, email);
        var token = (await DemoApi.LoginAsync(http, email)).GetProperty("accessToken").GetString()!;

        await Malformed.SampleAsync(async sample =>
        {
            using var request = DemoApi.Post(sample.Path, sample.Body);
            if (sample.Path.StartsWith("identity/manage/", StringComparison.Ordinal))
            {
                request.Headers.Authorization = new("Bearer", token);
            }

            using var response = await http.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{sample.Path} {sample.Body} answered {(int)response.StatusCode}: {text}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal(400, JsonDocument.Parse(text).RootElement.GetProperty("status").GetInt32());
        }, iter: 400, threads: 2, print: s => $"POST {s.Path} {s.Body}");
    }

    [Theory]
    [InlineData("identity/login")]
    [InlineData("identity/forgotPassword")]
    [InlineData("identity/resetPassword")]
    [InlineData("identity/resendConfirmationEmail")]
    public async Task IdentityEndpoints_NullEmail_Get400NamingTheField(string path)
    {
        using var http = demo.CreateRealClient();

        using var response = await http.SendAsync(DemoApi.Post(path, """{"email":null,"password":"x","resetCode":"x","newPassword":"x"}"""));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await DemoApi.ProblemAsync(response);
        Assert.True(problem.GetProperty("errors").TryGetProperty("email", out _), problem.ToString());
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    public async Task Login_BodyThatIsNotJson_Gets415ProblemDetails(string contentType)
    {
        using var http = demo.CreateRealClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("identity/login", UriKind.Relative))
        {
            Content = new StringContent("email=a%40b.c&password=x", Encoding.UTF8, contentType),
        };

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal(415, (await DemoApi.ProblemAsync(response)).GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task Register_OneMegabyteEmail_Gets400NamingEmailAndStoresNothing()
    {
        using var http = demo.CreateRealClient();
        var email = new string('a', 1024 * 1024) + "@sec.local";

        using var response = await http.SendAsync(DemoApi.Post("identity/register", new { email, password = DemoApi.Password }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await DemoApi.ProblemAsync(response);
        Assert.Contains("256", problem.GetProperty("errors").GetProperty("email")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(0, await LongEmailsAsync());
    }

    [Fact]
    public async Task Register_TwentyMegabytePassword_Gets400NamingPassword()
    {
        using var http = demo.CreateRealClient();
        var email = DemoApi.NewEmail("hugepw");

        // Sent with a Content-Length (the 1 MB email above goes chunked): both must get the named answer, not a reset connection.
        var body = System.Text.Json.JsonSerializer.Serialize(new { email, password = "Aa1!" + new string('x', 20 * 1024 * 1024) });
        using var response = await http.SendAsync(DemoApi.Post("identity/register", body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await DemoApi.ProblemAsync(response);
        Assert.Contains("512", problem.GetProperty("errors").GetProperty("password")[0].GetString(), StringComparison.Ordinal);
        await using var scope = demo.Services.CreateAsyncScope();
        Assert.Null(await scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>().FindByEmailAsync(email));
    }

    [Theory]
    [InlineData("email", 257)]
    [InlineData("password", 513)]
    public async Task Login_FieldJustOverItsLimit_Gets400NamingIt(string field, int length)
    {
        using var http = demo.CreateRealClient();
        var body = new JsonObject { ["email"] = "someone@sec.local", ["password"] = "Passw0rd!" };
        body[field] = field == "email" ? new string('a', length - 9) + "@sec.local"[..9] : new string('p', length);

        using var response = await http.SendAsync(DemoApi.Post("identity/login", body.ToJsonString()));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await DemoApi.ProblemAsync(response);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Fact]
    public async Task Register_EmailAtTheLimit_IsAccepted()
    {
        using var http = demo.CreateRealClient();
        var email = new string('b', 256 - "@sec.local".Length) + "@sec.local";

        using var response = await http.SendAsync(DemoApi.Post("identity/register", new { email, password = DemoApi.Password }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private async Task<int> LongEmailsAsync()
    {
        await using var scope = demo.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DemoDbContext>();
        return await db.Users.CountAsync(u => u.Email!.Length > 256);
    }
}
