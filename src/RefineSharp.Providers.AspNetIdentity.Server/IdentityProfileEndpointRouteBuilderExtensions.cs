using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using RefineSharp.Providers.AspNetIdentity.Server;

namespace Microsoft.AspNetCore.Routing;

/// <summary>Maps the profile endpoint that RefineSharp's ASP.NET Core Identity provider reads and updates the display name, avatar and email through.</summary>
public static class IdentityProfileEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps GET and POST <paramref name="pattern"/> (default "/manage/profile", beside MapIdentityApi's /manage/info),
    /// both for an authenticated user only. GET answers <c>{ name, avatar, email }</c>. POST takes
    /// <c>{ name?, avatar?, newEmail? }</c> (null: leave as it is), checks every field before it changes anything
    /// (a 400 validation problem keyed by the error code otherwise), keeps name and avatar as the user's
    /// <c>name</c> and <c>picture</c> claims, and starts an email change the way MapIdentityApi does: a change-email token
    /// sent through <see cref="IEmailSender{TUser}"/> as a link to MapIdentityApi's <paramref name="confirmEmailPattern"/>
    /// in the same route group, which changes the email (and user name) only when the link is opened.
    /// </summary>
    public static IEndpointConventionBuilder MapIdentityProfile<TUser>(
        this IEndpointRouteBuilder endpoints,
        string pattern = "/manage/profile",
        string confirmEmailPattern = "/confirmEmail")
        where TUser : class
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentException.ThrowIfNullOrEmpty(pattern);
        ArgumentException.ThrowIfNullOrEmpty(confirmEmailPattern);
        var group = endpoints.MapGroup("");
        group.MapGet(pattern, (HttpContext context, [FromServices] UserManager<TUser> users) =>
            ProfileHandlers.GetAsync(context, users));
        group.MapPost(pattern, (HttpContext context, [FromBody] ProfileUpdate update, [FromServices] UserManager<TUser> users, [FromServices] IEmailSender<TUser> emails) =>
            ProfileHandlers.UpdateAsync(context, update, users, emails, pattern, confirmEmailPattern));
        return group.RequireAuthorization();
    }
}
