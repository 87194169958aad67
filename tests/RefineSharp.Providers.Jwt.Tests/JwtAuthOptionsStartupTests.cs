using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RefineSharp.Tokens;

namespace RefineSharp.Providers.Jwt.Tests;

/// <summary>A missing or malformed setting stops the app at start (ValidateOnStart) with a message naming the setting and the fix.</summary>
public sealed class JwtAuthOptionsStartupTests
{
    public static TheoryData<string, Action<JwtAuthOptions>, string> Broken => new()
    {
        { "no address", o => o.BaseAddress = null, "JwtAuthOptions.BaseAddress is not set" },
        { "relative address", o => o.BaseAddress = new Uri("/api", UriKind.Relative), "JwtAuthOptions.BaseAddress must be an absolute http(s) address" },
        { "ftp address", o => o.BaseAddress = new Uri("ftp://api.example.com/"), "JwtAuthOptions.BaseAddress must be an absolute http(s) address" },
        { "credentials in address", o => o.BaseAddress = new Uri("https://u:p@api.example.com/"), "JwtAuthOptions.BaseAddress must be an absolute http(s) address" },
        { "empty login endpoint", o => o.LoginEndpoint = " ", "JwtAuthOptions.LoginEndpoint is empty" },
        { "absolute login endpoint", o => o.LoginEndpoint = "https://evil.example/login", "JwtAuthOptions.LoginEndpoint must be a path relative to BaseAddress" },
        { "protocol-relative me endpoint", o => o.MeEndpoint = "//evil.example/me", "JwtAuthOptions.MeEndpoint must be a path relative to BaseAddress" },
        { "empty refresh endpoint", o => o.RefreshEndpoint = "", "JwtAuthOptions.RefreshEndpoint is empty" },
        { "empty id field", o => o.IdField = "", "JwtAuthOptions.IdField must be a JSON property name" },
        { "empty path step", o => o.AccessTokenField = "data..token", "JwtAuthOptions.AccessTokenField must be a JSON property name" },
        { "space in roles path", o => o.RolesField = "realm roles", "JwtAuthOptions.RolesField must be a JSON property name" },
        { "same credential fields", o => o.LoginPasswordField = "email", "JwtAuthOptions.LoginEmailField and LoginPasswordField" },
        { "login path off-site", o => o.LoginPath = "https://evil.example/login", "JwtAuthOptions.LoginPath must be a local path" },
        { "after-login path script", o => o.AfterLoginPath = "javascript:alert(1)", "JwtAuthOptions.AfterLoginPath must be a local path" },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public void Start_BrokenSetting_FailsNamingTheSettingAndTheCall(string _, Action<JwtAuthOptions> breakIt, string expected)
    {
        var error = Assert.Throws<OptionsValidationException>(() => Start(o =>
        {
            o.BaseAddress = new Uri("https://api.example.com/");
            o.RequireServerSessions = false;
            breakIt(o);
        }));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Contains("AddJwtAuth(o => o.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Start_Defaults_WithAnAddressAndAStore_Starts()
    {
        Start(o => o.BaseAddress = new Uri("https://api.example.com/v1"), s => s.AddScoped<ITokenStore, RecordingStore>());
        Start(o =>
        {
            o.BaseAddress = new Uri("http://127.0.0.1:5000/");
            o.RefreshEndpoint = null;
            o.LogoutEndpoint = null;
            o.IdField = "data.user.id";
            o.RequireServerSessions = false;
        });
    }

    [Fact]
    public void Start_TokensWouldStayInMemory_FailsNamingAddServerSessions()
    {
        var error = Assert.Throws<OptionsValidationException>(() => Start(o => o.BaseAddress = new Uri("https://api.example.com/")));

        Assert.Contains(".AddServerSessions()", error.Message, StringComparison.Ordinal);
        Assert.Contains("RequireServerSessions = false", error.Message, StringComparison.Ordinal);
    }

    private static void Start(Action<JwtAuthOptions> configure, Action<IServiceCollection>? more = null)
    {
        var services = new ServiceCollection();
        more?.Invoke(services);
        services.AddRefine().AddJwtAuth(configure);
        using var root = services.BuildServiceProvider();

        // What the host runs at start for ValidateOnStart.
        root.GetRequiredService<IStartupValidator>().Validate();
    }

    private sealed class RecordingStore : ITokenStore
    {
        private TokenSet? _tokens;

        public ValueTask<TokenSet?> GetAsync(CancellationToken cancellationToken = default) => ValueTask.FromResult(_tokens);

        public ValueTask SetAsync(TokenSet tokens, CancellationToken cancellationToken = default)
        {
            _tokens = tokens;
            return ValueTask.CompletedTask;
        }

        public ValueTask ClearAsync(CancellationToken cancellationToken = default)
        {
            _tokens = null;
            return ValueTask.CompletedTask;
        }
    }
}
