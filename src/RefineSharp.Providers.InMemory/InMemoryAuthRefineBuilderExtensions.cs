using Microsoft.Extensions.DependencyInjection.Extensions;
using RefineSharp.Providers.InMemory;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the in-memory auth provider to RefineSharp.</summary>
public static class InMemoryAuthRefineBuilderExtensions
{
    /// <summary>
    /// Uses <see cref="InMemoryAuthProvider"/> (scoped) with users configured in code, for example
    /// <c>services.AddRefine().AddInMemoryAuth(o =&gt; o.Users.Add(new() { Email = "demo@refine.dev", Password = "demodemo" }))</c>.
    /// </summary>
    public static RefineBuilder AddInMemoryAuth(this RefineBuilder builder, Action<InMemoryAuthOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = builder.Services.AddOptions<InMemoryAuthOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        builder.Services.TryAddSingleton<InMemoryUserStore>();
        return builder.AddAuthProvider<InMemoryAuthProvider>();
    }
}
