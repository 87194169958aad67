using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using RefineSharp;
using RefineSharp.Tokens;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Registers the scoped <see cref="TokenRefreshCoordinator"/> once, for <c>AddTokenRefresh&lt;T&gt;()</c> and for a bare
/// <c>AddHttpHandler&lt;BearerTokenHandler&gt;()</c>. The refresher is looked up when the coordinator is built, so the
/// order of the two calls does not matter; none registered means tokens are used until they expire.
/// </summary>
internal static class TokenCoordinatorRegistration
{
    public static void Add(IServiceCollection services) => services.TryAddScoped(Create);

    private static TokenRefreshCoordinator Create(IServiceProvider services)
    {
        var store = services.GetService<ITokenStore>() ?? throw new InvalidOperationException(StartupMessages.BearerHandlerWithoutStore);
        var coordinator = new TokenRefreshCoordinator(
            store,
            services.GetService<ITokenRefresher>() ?? NoTokenRefresher.Instance,
            services.GetService<IOptions<TokenRefreshOptions>>(),
            services.GetService<TimeProvider>(),
            services.GetService<ILogger<TokenRefreshCoordinator>>(),
            services.GetService<ICrossContextLock>());
        var authManager = services.GetService<AuthManager>();
        if (authManager is not null)
        {
            var logger = (ILogger?)services.GetService<ILoggerFactory>()?.CreateLogger<TokenRefreshCoordinator>() ?? NullLogger.Instance;
            coordinator.RefreshFailed += (_, _) => _ = EndSessionAsync(authManager, coordinator.Store, logger);
        }

        return coordinator;
    }

    // The coordinator raises RefreshFailed once per failed refresh, so this is the session's one logout.
    private static async Task EndSessionAsync(AuthManager authManager, ITokenStore store, ILogger logger)
    {
        try
        {
            await authManager.EndSessionAfterFailedRefreshAsync(store, CancellationToken.None);
        }
        catch (Exception ex)
        {
            TokenLog.SessionEndFailed(logger, ex);
        }
    }
}
