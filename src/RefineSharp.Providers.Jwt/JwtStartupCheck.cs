using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RefineSharp.Tokens;

namespace RefineSharp.Providers.Jwt;

/// <summary>
/// The JWT provider's startup check on the app's registrations: with <see cref="JwtAuthOptions.RequireServerSessions"/>
/// (the default) the tokens must not stay in the in-memory store, which forgets them at every reload.
/// </summary>
internal sealed class JwtStartupCheck : IValidateOptions<JwtAuthOptions>
{
    internal const string NeedsServerSessions =
        "AddJwtAuth keeps the tokens in server-side sessions, but the app still uses the in-memory token store (gone at every reload, " +
        "unknown to prerendering). Add .AddServerSessions() after .AddBlazor() (package RefineSharp.AspNetCore), " +
        "or set AddJwtAuth(o => o.RequireServerSessions = false) to accept the in-memory store.";

    private readonly IServiceCollection _services;

    public JwtStartupCheck(IServiceCollection services) => _services = services;

    public ValidateOptionsResult Validate(string? name, JwtAuthOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var store = _services.LastOrDefault(d => d.ServiceType == typeof(ITokenStore));
        return options.RequireServerSessions && store?.ImplementationType == typeof(MemoryTokenStore)
            ? ValidateOptionsResult.Fail(NeedsServerSessions)
            : ValidateOptionsResult.Success;
    }
}
