using System.Net;
using Microsoft.AspNetCore.Identity;
using RefineSharp.Demo.Data;
using RefineSharp.Demo.Security;

namespace RefineSharp.Demo.Email;

/// <summary>
/// Identity's email sender for the demo: no SMTP, every message goes to the outbox table shown at /dev/outbox.
/// A singleton (MapIdentityApi resolves it from the root provider), so it opens a scope for the database.
/// Links are moved onto the public base address (<see cref="DemoPublicBaseUrl"/>): Identity builds them from the
/// request's Host header, which a client chooses.
/// </summary>
public sealed class OutboxEmailSender(IServiceScopeFactory scopes, TimeProvider time, DemoPublicBaseUrl publicBase) : IEmailSender<IdentityUser>, IAccountExistsNotifier
{
    // Identity passes these links HTML-encoded (meant for an HTML email); the outbox keeps plain text and encodes on output.
    public Task SendConfirmationLinkAsync(IdentityUser user, string email, string confirmationLink)
    {
        var link = publicBase.Rebase(WebUtility.HtmlDecode(confirmationLink)).AbsoluteUri;
        return SaveAsync(email, "Confirm your email", $"Confirm your account: {link}", null, link);
    }

    public Task SendPasswordResetLinkAsync(IdentityUser user, string email, string resetLink)
    {
        var link = publicBase.Rebase(WebUtility.HtmlDecode(resetLink)).AbsoluteUri;
        return SaveAsync(email, "Reset your password", $"Reset your password: {link}", null, link);
    }

    /// <summary>
    /// MapIdentityApi's /forgotPassword sends a code; the link points at the app's update-password page, which reads
    /// email and code from the URL. The stored link stays app-relative (it names no host at all); the text carries the
    /// full public address.
    /// </summary>
    public Task SendPasswordResetCodeAsync(IdentityUser user, string email, string resetCode)
    {
        var link = $"/update-password?email={Uri.EscapeDataString(email)}&code={Uri.EscapeDataString(resetCode)}";
        return SaveAsync(email, "Reset your password", $"Your password reset code is {resetCode}. Open {publicBase.Rebase(link).AbsoluteUri} to choose a new password.", resetCode, link);
    }

    /// <summary>Sent instead of telling a registration that the address is taken.</summary>
    public Task NotifyAsync(string email)
    {
        var link = publicBase.Rebase("/forgot-password").AbsoluteUri;
        return SaveAsync(email, "You already have an account", $"Someone tried to create an account with this email address, which already has one. If it was you, sign in, or reset your password at {link}. If not, you can ignore this message.", null, link);
    }

    private async Task SaveAsync(string to, string subject, string body, string? code, string? link)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DemoDbContext>();
        db.Outbox.Add(new OutboxMessage { To = to, Subject = subject, Body = body, Code = code, Link = link, CreatedAt = time.GetUtcNow() });
        await db.SaveChangesAsync();
    }
}
