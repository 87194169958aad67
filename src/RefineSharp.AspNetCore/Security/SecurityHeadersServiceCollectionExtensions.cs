using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace RefineSharp.AspNetCore.Security;

/// <summary>Registers the security headers of a RefineSharp app (docs/security.md, "Response headers").</summary>
public static class SecurityHeadersServiceCollectionExtensions
{
    /// <summary>
    /// Writes on every response (pages, static files, API answers, the authorization middleware's 401 and 403, error
    /// re-executions): a <c>Content-Security-Policy</c> with a per-response nonce (read it with
    /// <see cref="CspNonce.GetRefineCspNonce"/> for Blazor's <c>&lt;ImportMap&gt;</c>), <c>X-Content-Type-Options: nosniff</c>,
    /// <c>Referrer-Policy</c>, <c>X-Frame-Options: DENY</c>, <c>Cross-Origin-Opener-Policy</c>, and HSTS over HTTPS
    /// outside Development. The options are validated when the app starts.
    /// </summary>
    public static IServiceCollection AddRefineSecurityHeaders(this IServiceCollection services, Action<RefineSecurityHeadersOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<RefineSecurityHeadersOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RefineSecurityHeadersOptions>, RefineSecurityHeadersOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Transient<IStartupFilter, SecurityHeadersStartupFilter>());
        return services;
    }
}
