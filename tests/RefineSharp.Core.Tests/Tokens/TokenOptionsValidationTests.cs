using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RefineSharp.Tokens;

namespace RefineSharp.Tests.Tokens;

public sealed class TokenOptionsValidationTests
{
    private static void ValidateOnStart(Action<RefineBuilder> configure)
    {
        var services = new ServiceCollection();
        var builder = services.AddRefine();
        configure(builder);
        using var root = services.BuildServiceProvider();

        // What the host runs at start for ValidateOnStart.
        root.GetRequiredService<IStartupValidator>().Validate();
    }

    [Theory]
    [InlineData(0, 0, "TokenRefreshOptions.RefreshTimeout")]
    [InlineData(0, -1, "TokenRefreshOptions.RefreshTimeout")]
    [InlineData(0, 601, "TokenRefreshOptions.RefreshTimeout")]
    [InlineData(-1, 30, "TokenRefreshOptions.RefreshSkew")]
    [InlineData(86401, 30, "TokenRefreshOptions.RefreshSkew")]
    public void AddTokenRefresh_InvalidOptions_FailsAtStartNamingOptionAndFix(int skewSeconds, int timeoutSeconds, string named)
    {
        var error = Assert.Throws<OptionsValidationException>(() => ValidateOnStart(b => b.AddTokenRefresh<CountingRefresher>(o =>
        {
            o.RefreshSkew = TimeSpan.FromSeconds(skewSeconds);
            o.RefreshTimeout = TimeSpan.FromSeconds(timeoutSeconds);
        })));

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
        Assert.Contains("AddTokenRefresh<TRefresher>(o => o.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddTokenRefresh_DefaultsAndEdges_PassAtStart()
    {
        ValidateOnStart(b => b.AddTokenRefresh<CountingRefresher>());
        ValidateOnStart(b => b.AddTokenRefresh<CountingRefresher>(o =>
        {
            o.RefreshSkew = TimeSpan.Zero;
            o.RefreshTimeout = TokenRefreshOptions.MaxRefreshTimeout;
        }));
    }

    [Fact]
    public void AddTokenRefresh_AllowedOriginWithPath_FailsAtStartNamingTheEntry()
    {
        var error = Assert.Throws<OptionsValidationException>(() => ValidateOnStart(b =>
        {
            b.AddTokenRefresh<CountingRefresher>();
            b.Services.Configure<BearerTokenHandlerOptions>(o =>
            {
                o.AllowedOrigins.Add(new Uri("https://ok.example"));
                o.AllowedOrigins.Add(new Uri("https://api.example.com/v1/"));
            });
        }));

        Assert.Contains("BearerTokenHandlerOptions.AllowedOrigins[1]", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("AllowedOrigins[0]", error.Message, StringComparison.Ordinal);
    }
}
