using System.Security.Claims;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;

namespace RefineSharp.Providers.AspNetIdentity.Server;

/// <summary>The handlers behind MapIdentityProfile: read and change name, avatar and email through UserManager.</summary>
internal static class ProfileHandlers
{
    /// <summary>The claim type of the display name (OpenID Connect's standard claim name).</summary>
    public const string NameClaim = "name";

    /// <summary>The claim type of the avatar URL (OpenID Connect's standard claim name).</summary>
    public const string PictureClaim = "picture";

    public static async Task<IResult> GetAsync<TUser>(HttpContext context, UserManager<TUser> users)
        where TUser : class
    {
        var user = await users.GetUserAsync(context.User);
        return user is null ? TypedResults.NotFound() : TypedResults.Ok(await ReadAsync(users, user));
    }

    public static async Task<IResult> UpdateAsync<TUser>(
        HttpContext context,
        ProfileUpdate update,
        UserManager<TUser> users,
        IEmailSender<TUser> emails,
        string pattern,
        string confirmEmailPattern)
        where TUser : class
    {
        var user = await users.GetUserAsync(context.User);
        if (user is null)
        {
            // The token is valid but its user is gone: the same answer as /manage/info gives.
            return TypedResults.NotFound();
        }

        // Every check first: a refused request changes nothing at all.
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var name = update.Name?.Trim();
        if (name is not null && ProfileRules.CheckName(name) is { } nameError)
        {
            errors[ProfileRules.InvalidName] = [nameError];
        }

        var avatar = update.Avatar?.Trim();
        if (avatar is { Length: > 0 } && ProfileRules.CheckAvatar(avatar) is { } avatarError)
        {
            errors[ProfileRules.InvalidAvatar] = [avatarError];
        }

        var newEmail = update.NewEmail?.Trim();
        var currentEmail = await users.GetEmailAsync(user);
        if (newEmail is not null && string.Equals(users.NormalizeEmail(newEmail), users.NormalizeEmail(currentEmail), StringComparison.Ordinal))
        {
            newEmail = null;
        }

        if (newEmail is not null)
        {
            if (ProfileRules.CheckEmail(newEmail) is { } emailError)
            {
                errors[ProfileRules.InvalidEmail] = [emailError];
            }
            else if (await users.FindByEmailAsync(newEmail) is not null || await users.FindByNameAsync(newEmail) is not null)
            {
                // Told to a signed-in user only, and registration says the same: the address cannot be used.
                errors[ProfileRules.DuplicateEmail] = ["This email is already used by another account."];
            }
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The profile was not changed.");
        }

        var claims = await users.GetClaimsAsync(user);
        var changed = await SetClaimAsync(users, user, claims, NameClaim, name) is { Succeeded: false } nameResult
            ? nameResult
            : await SetClaimAsync(users, user, claims, PictureClaim, avatar);
        if (changed is { Succeeded: false })
        {
            return TypedResults.ValidationProblem(changed.Errors.ToDictionary(e => e.Code, e => new[] { e.Description }), title: "The profile was not changed.");
        }

        if (newEmail is not null)
        {
            await SendChangeLinkAsync(context, users, emails, user, newEmail, pattern, confirmEmailPattern);
        }

        var profile = await ReadAsync(users, user);
        return TypedResults.Ok(profile with { PendingEmail = newEmail });
    }

    private static async Task<ProfileResponse> ReadAsync<TUser>(UserManager<TUser> users, TUser user)
        where TUser : class
    {
        var claims = await users.GetClaimsAsync(user);
        return new ProfileResponse(
            claims.FirstOrDefault(c => c.Type == NameClaim)?.Value,
            claims.FirstOrDefault(c => c.Type == PictureClaim)?.Value,
            await users.GetEmailAsync(user));
    }

    /// <summary>Replaces, adds or (for an empty value) removes one claim; null leaves it alone.</summary>
    private static async Task<IdentityResult?> SetClaimAsync<TUser>(UserManager<TUser> users, TUser user, IList<Claim> claims, string type, string? value)
        where TUser : class
    {
        if (value is null)
        {
            return null;
        }

        var existing = claims.Where(c => c.Type == type).ToList();
        if (value.Length == 0)
        {
            return existing.Count == 0 ? null : await users.RemoveClaimsAsync(user, existing);
        }

        if (existing.Count == 1)
        {
            return existing[0].Value == value ? null : await users.ReplaceClaimAsync(user, existing[0], new Claim(type, value));
        }

        if (existing.Count > 1 && await users.RemoveClaimsAsync(user, existing) is { Succeeded: false } removed)
        {
            return removed;
        }

        return await users.AddClaimAsync(user, new Claim(type, value));
    }

    /// <summary>
    /// What MapIdentityApi's /manage/info does for a new email: a change-email token for exactly that address, sent as
    /// a link to its /confirmEmail (userId, code, changedEmail), which changes email and user name when opened.
    /// </summary>
    private static async Task SendChangeLinkAsync<TUser>(
        HttpContext context,
        UserManager<TUser> users,
        IEmailSender<TUser> emails,
        TUser user,
        string newEmail,
        string pattern,
        string confirmEmailPattern)
        where TUser : class
    {
        var token = await users.GenerateChangeEmailTokenAsync(user, newEmail);
        var code = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));
        var userId = await users.GetUserIdAsync(user);

        // The route group's prefix is what precedes this endpoint's own pattern in the request path.
        var path = context.Request.Path.Value ?? "";
        var prefix = path.EndsWith(pattern, StringComparison.OrdinalIgnoreCase) ? path[..^pattern.Length] : "";
        var query = QueryString.Create(new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["userId"] = userId,
            ["code"] = code,
            ["changedEmail"] = newEmail,
        });
        var link = $"{context.Request.Scheme}://{context.Request.Host}{context.Request.PathBase}{prefix}{confirmEmailPattern}{query}";

        // Identity hands its senders HTML-encoded links (meant for an HTML email); so does this endpoint.
        await emails.SendConfirmationLinkAsync(user, newEmail, HtmlEncoder.Default.Encode(link));
    }
}
