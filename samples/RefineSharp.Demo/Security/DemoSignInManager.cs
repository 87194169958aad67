using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace RefineSharp.Demo.Security;

/// <summary>
/// Identity's sign-in manager with three changes for the password sign-in that /identity/login uses:
/// the attempts of one account run one at a time (<see cref="AccountLockGate"/>; the user is read inside the lock, so
/// the failed-attempt count is never stale), an unknown email still verifies the password against a dummy hash (the
/// same work as a known one, so timing does not tell them apart), and "locked out" and "not allowed" (unconfirmed)
/// answer as a plain failure (after the same hash work): the client cannot tell which accounts exist. The real reason
/// is logged.
/// </summary>
public sealed class DemoSignInManager(
    UserManager<IdentityUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<IdentityUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<IdentityUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<IdentityUser> confirmation,
    AccountLockGate gate,
    DummyPasswordHash dummy)
    : SignInManager<IdentityUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    /// <summary>Signs in by user name (the email, for the Identity API) under the account's lock; see the type's remarks.</summary>
    public override async Task<SignInResult> PasswordSignInAsync(string userName, string password, bool isPersistent, bool lockoutOnFailure)
    {
        ArgumentNullException.ThrowIfNull(userName);
        ArgumentNullException.ThrowIfNull(password);
        using (await gate.EnterAsync(UserManager.NormalizeName(userName) ?? userName))
        {
            var user = await UserManager.FindByNameAsync(userName);
            if (user is null)
            {
                dummy.Verify(password);
                SecurityLog.SignInRefused(Logger, "unknown account");
                return SignInResult.Failed;
            }

            var result = await PasswordSignInAsync(user, password, isPersistent, lockoutOnFailure);
            if (result.IsLockedOut || result.IsNotAllowed)
            {
                // Identity answers these before it looks at the password: do the hash anyway, then answer "failed".
                dummy.Verify(password);
                SecurityLog.SignInRefused(Logger, result.IsLockedOut ? "locked out" : "not allowed (email not confirmed)");
                return SignInResult.Failed;
            }

            if (!result.Succeeded && !result.RequiresTwoFactor)
            {
                SecurityLog.SignInRefused(Logger, "wrong password");
            }

            return result;
        }
    }
}
