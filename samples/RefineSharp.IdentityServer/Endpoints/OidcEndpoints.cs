using System.Security.Claims;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace RefineSharp.IdentityServer.Endpoints;

/// <summary>
/// The application side of OpenIddict's endpoints (passthrough): OpenIddict validates every request (client, redirect
/// URI, PKCE, codes, refresh tokens and their reuse); these handlers only decide who the user is and what goes in the tokens.
/// </summary>
internal static class OidcEndpoints
{
    public static void MapOidc(this IEndpointRouteBuilder app)
    {
        app.MapMethods("/connect/authorize", [HttpMethods.Get, HttpMethods.Post], AuthorizeAsync);
        app.MapPost("/connect/token", TokenAsync);
        app.MapMethods("/connect/userinfo", [HttpMethods.Get, HttpMethods.Post], UserInfoAsync);
        app.MapMethods("/connect/endsession", [HttpMethods.Get, HttpMethods.Post], EndSessionAsync);
    }

    private static async Task<IResult> AuthorizeAsync(HttpContext http, UserManager<IdentityUser> users)
    {
        var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        var cookie = await http.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        var user = cookie.Succeeded ? await users.GetUserAsync(cookie.Principal) : null;

        if (user is null)
        {
            if (request.HasPromptValue(PromptValues.None))
            {
                return Forbid(Errors.LoginRequired, "The user is not signed in.");
            }

            // The login page comes back here (only here) after a successful sign-in.
            var back = http.Request.PathBase + http.Request.Path + http.Request.QueryString;
            return Results.Redirect(AccountEndpoints.LoginPath + QueryString.Create("returnUrl", back));
        }

        var principal = await UserPrincipal.CreateAsync(users, user, request.GetScopes(), IssuerBase(http));
        return Results.SignIn(principal, authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private static async Task<IResult> TokenAsync(HttpContext http, UserManager<IdentityUser> users, SignInManager<IdentityUser> signIn)
    {
        var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        if (!request.IsAuthorizationCodeGrantType() && !request.IsRefreshTokenGrantType())
        {
            return Forbid(Errors.UnsupportedGrantType, "Only the code and refresh token grants are allowed.");
        }

        // OpenIddict has already validated the code or refresh token (and refused a reused one); the user may have
        // been deleted or locked out since, and their roles may have changed: read them again.
        var result = await http.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        var user = result.Principal?.GetClaim(Claims.Subject) is { } id ? await users.FindByIdAsync(id) : null;
        if (user is null || !await signIn.CanSignInAsync(user) || users.SupportsUserLockout && await users.IsLockedOutAsync(user))
        {
            return Forbid(Errors.InvalidGrant, "The account is no longer allowed to sign in.");
        }

        var principal = await UserPrincipal.CreateAsync(users, user, result.Principal!.GetScopes(), IssuerBase(http));
        return Results.SignIn(principal, authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private static async Task<IResult> UserInfoAsync(HttpContext http, UserManager<IdentityUser> users)
    {
        var result = await http.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        var user = result.Principal?.GetClaim(Claims.Subject) is { } id ? await users.FindByIdAsync(id) : null;
        if (user is null)
        {
            return Results.Challenge(
                new AuthenticationProperties(new Dictionary<string, string?>
                {
                    [OpenIddictServerAspNetCoreConstants.Properties.Error] = Errors.InvalidToken,
                    [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = "The user no longer exists.",
                }),
                [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
        }

        var current = await UserPrincipal.CreateAsync(users, user, result.Principal!.GetScopes(), IssuerBase(http));
        var claims = new Dictionary<string, object>(StringComparer.Ordinal) { [Claims.Subject] = current.GetClaim(Claims.Subject)! };
        foreach (var type in new[] { Claims.Name, Claims.Email, Claims.Picture, Claims.PreferredUsername })
        {
            if (current.GetClaim(type) is { } value && current.GetDestinations(current.FindFirst(type)!).Contains(Destinations.IdentityToken))
            {
                claims[type] = value;
            }
        }

        if (current.HasScope(Scopes.Roles))
        {
            claims[Claims.Role] = current.GetClaims(Claims.Role).ToArray();
        }

        return Results.Ok(claims);
    }

    private static async Task<IResult> EndSessionAsync(SignInManager<IdentityUser> signIn)
    {
        // Ends the session here; OpenIddict then sends the browser to the client's registered post-logout URI.
        await signIn.SignOutAsync();
        return Results.SignOut(new AuthenticationProperties { RedirectUri = "/" }, [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
    }

    private static IResult Forbid(string error, string description) => Results.Forbid(
        new AuthenticationProperties(new Dictionary<string, string?>
        {
            [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
            [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
        }),
        [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);

    private static string IssuerBase(HttpContext http) => http.Request.Scheme + "://" + http.Request.Host + http.Request.PathBase;

    private static IEnumerable<string> GetDestinations(this ClaimsPrincipal principal, Claim claim) => claim.GetDestinations();
}
