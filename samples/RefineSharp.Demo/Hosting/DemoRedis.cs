using Microsoft.AspNetCore.DataProtection;
using StackExchange.Redis;

namespace RefineSharp.Demo.Hosting;

/// <summary>
/// Scale-out (docs/deployment.md): with <c>Demo:Redis</c> set, the server-side sessions and the data-protection key
/// ring live in Redis, so every instance behind the proxy reads the same sessions and cookies. Without it the demo
/// keeps both in this process (sessions) and on disk (keys), and needs nothing installed.
/// </summary>
internal static class DemoRedis
{
    /// <summary>True when the configuration names a Redis server.</summary>
    public static bool IsConfigured(IConfiguration configuration) => !string.IsNullOrWhiteSpace(configuration["Demo:Redis"]);

    /// <summary>Puts the session cache and the key ring in Redis (one application name for every instance).</summary>
    public static IServiceCollection AddDemoRedis(this IServiceCollection services, IConfiguration configuration)
    {
        var connectionString = configuration["Demo:Redis"]!;

        // abortConnect=false: an instance starts while Redis is down and reconnects; sign-in is refused meanwhile.
        var options = ConfigurationOptions.Parse(connectionString);
        options.AbortOnConnectFail = false;
        var connection = ConnectionMultiplexer.Connect(options);
        services.AddSingleton<IConnectionMultiplexer>(connection);
        services.AddStackExchangeRedisCache(o =>
        {
            o.ConnectionMultiplexerFactory = () => Task.FromResult<IConnectionMultiplexer>(connection);
            o.InstanceName = "refinesharp-demo:";
        });
        services.AddDataProtection()
            .SetApplicationName("RefineSharp.Demo")
            .PersistKeysToStackExchangeRedis(connection, "refinesharp-demo:data-protection-keys");
        return services;
    }
}
