using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace RefineSharp.Blazor.Tests.Diagnostics;

/// <summary>Registers the configuration a real host registers, with its environment under "environment".</summary>
internal static class HostEnvironment
{
    public static void Use(IServiceCollection services, string environment) =>
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["environment"] = environment })
            .Build());
}
