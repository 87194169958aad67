using Microsoft.AspNetCore.Identity;

namespace RefineSharp.Demo.Security;

/// <summary>Registers <see cref="DemoSignInManager"/> (serialized attempts per account, same answer and work for every failure).</summary>
public static class DemoSignInHardening
{
    /// <summary>Replaces Identity's sign-in manager; call after AddIdentityApiEndpoints (the last registration wins).</summary>
    public static IServiceCollection AddDemoSignInHardening(this IServiceCollection services)
    {
        services.AddSingleton<AccountLockGate>();
        services.AddScoped<DummyPasswordHash>();
        services.AddScoped<SignInManager<IdentityUser>, DemoSignInManager>();
        return services;
    }
}
