using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OpenIddict.Client;

namespace RefineSharp.Providers.Oidc.Tests.Options;

/// <summary>The clock tolerance reaches OpenIddict's registration, and a tolerance that would hide a broken clock is refused at start.</summary>
public sealed class OidcClockSkewOptionTests
{
    [Theory]
    [InlineData(null, 120)]
    [InlineData(0, 0)]
    [InlineData(45, 45)]
    [InlineData(600, 600)]
    public void The_tolerance_becomes_OpenIddicts_ClockSkew_for_that_provider(int? seconds, int expected)
    {
        using var services = Build(p =>
        {
            if (seconds is { } value)
            {
                p.ClockSkew = TimeSpan.FromSeconds(value);
            }
        });
        var registration = Assert.Single(services.GetRequiredService<IOptions<OpenIddictClientOptions>>().Value.Registrations);
        Assert.Equal(TimeSpan.FromSeconds(expected), registration.TokenValidationParameters.ClockSkew);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(601)]
    [InlineData(86_400)]
    public void A_negative_or_larger_than_ten_minutes_tolerance_is_refused_naming_the_setting(int seconds)
    {
        using var services = Build(p => p.ClockSkew = TimeSpan.FromSeconds(seconds));
        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<OidcAuthOptions>>().Value);
        Assert.Contains("ClockSkew must be between zero and 10 minutes", error.Message, StringComparison.Ordinal);
        Assert.Contains("corp", error.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider Build(Action<OidcProviderOptions> configure)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddRefine().AddBlazor().AddServerSessions().AddOidcAuth(o => o.AddProvider("corp", p =>
        {
            p.Authority = new Uri("https://id.example.com/");
            p.ClientId = "app";
            p.ClientSecret = "s3cret";
            configure(p);
        }));
        return services.BuildServiceProvider();
    }
}
