using System.Collections.Concurrent;
using Microsoft.AspNetCore.Identity;

namespace RefineSharp.Providers.AspNetIdentity.Tests.Fixtures;

/// <summary>Keeps the reset codes Identity would email, per address.</summary>
public sealed class CapturingEmailSender : IEmailSender<IdentityUser>
{
    public ConcurrentDictionary<string, string> ResetCodes { get; } = new(StringComparer.OrdinalIgnoreCase);

    public Task SendConfirmationLinkAsync(IdentityUser user, string email, string confirmationLink) => Task.CompletedTask;

    public Task SendPasswordResetLinkAsync(IdentityUser user, string email, string resetLink) => Task.CompletedTask;

    public Task SendPasswordResetCodeAsync(IdentityUser user, string email, string resetCode)
    {
        ResetCodes[email] = resetCode;
        return Task.CompletedTask;
    }
}
