using System.Net;
using Microsoft.AspNetCore.Identity;
using RefineSharp.Demo.Data;

namespace RefineSharp.Demo.Email;

/// <summary>
/// Identity's email sender for the demo: no SMTP, every message goes to the outbox table shown at /dev/outbox.
/// A singleton (MapIdentityApi resolves it from the root provider), so it opens a scope for the database.
/// </summary>
public sealed class OutboxEmailSender(IServiceScopeFactory scopes, TimeProvider time) : IEmailSender<IdentityUser>
{
    // Identity passes these links HTML-encoded (meant for an HTML email); the outbox keeps plain text and encodes on output.
    public Task SendConfirmationLinkAsync(IdentityUser user, string email, string confirmationLink)
    {
        var link = WebUtility.HtmlDecode(confirmationLink);
        return SaveAsync(email, "Confirm your email", $"Confirm your account: {link}", null, link);
    }

    public Task SendPasswordResetLinkAsync(IdentityUser user, string email, string resetLink)
    {
        var link = WebUtility.HtmlDecode(resetLink);
        return SaveAsync(email, "Reset your password", $"Reset your password: {link}", null, link);
    }

    /// <summary>MapIdentityApi's /forgotPassword sends a code; the link points at the app's update-password page, which reads email and code from the URL.</summary>
    public Task SendPasswordResetCodeAsync(IdentityUser user, string email, string resetCode)
    {
        var link = $"/update-password?email={Uri.EscapeDataString(email)}&code={Uri.EscapeDataString(resetCode)}";
        return SaveAsync(email, "Reset your password", $"Your password reset code is {resetCode}. Open {link} to choose a new password.", resetCode, link);
    }

    private async Task SaveAsync(string to, string subject, string body, string? code, string? link)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DemoDbContext>();
        db.Outbox.Add(new OutboxMessage { To = to, Subject = subject, Body = body, Code = code, Link = link, CreatedAt = time.GetUtcNow() });
        await db.SaveChangesAsync();
    }
}
