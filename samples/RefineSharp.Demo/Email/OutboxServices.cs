using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;
using RefineSharp.Demo.Security;

namespace RefineSharp.Demo.Email;

/// <summary>Registers the outbox as Identity's email sender and as the "account exists" notifier, with the public base address for links.</summary>
public static class OutboxServices
{
    /// <summary>One <see cref="OutboxEmailSender"/> behind <see cref="IEmailSender{TUser}"/> and <see cref="IAccountExistsNotifier"/>.</summary>
    public static IServiceCollection AddDemoOutbox(this IServiceCollection services)
    {
        services.TryAddSingleton<DemoPublicBaseUrl>();
        services.TryAddSingleton<OutboxEmailSender>();
        services.Replace(ServiceDescriptor.Singleton<IEmailSender<IdentityUser>>(sp => sp.GetRequiredService<OutboxEmailSender>()));
        services.Replace(ServiceDescriptor.Singleton<IAccountExistsNotifier>(sp => sp.GetRequiredService<OutboxEmailSender>()));
        return services;
    }
}
