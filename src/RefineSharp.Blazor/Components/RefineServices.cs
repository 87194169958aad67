using Microsoft.Extensions.DependencyInjection;

namespace RefineSharp.Blazor;

/// <summary>Resolves the services the components need, with an error that says how to register them.</summary>
internal static class RefineServices
{
    public const string MissingMessage =
        "RefineSharp's Blazor services are not registered. Call builder.Services.AddRefine().AddBlazor() (and add an auth provider).";

    /// <summary>What a component logs when no auth provider is registered (it then fails closed).</summary>
    public const string NoProviderMessage =
        "No AuthProvider is registered. Call services.AddRefine().AddAuthProvider<T>() (or set <Refine AuthProvider=\"...\">).";

    public static T Require<T>(IServiceProvider services)
        where T : notnull =>
        services.GetService<T>() ?? throw new InvalidOperationException(MissingMessage);
}
