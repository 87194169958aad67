using System.Net;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;

namespace RefineSharp.IdentityServer.Endpoints;

/// <summary>
/// The identity server's own sign-in page: a plain HTML form (no script), antiforgery-protected, that signs in with
/// Identity's cookie and goes back to the authorization request that sent the user here.
/// </summary>
internal static class AccountEndpoints
{
    public const string LoginPath = "/account/login";

    public static void MapAccount(this IEndpointRouteBuilder app)
    {
        app.MapGet(LoginPath, (HttpContext http, IAntiforgery antiforgery, string? returnUrl) =>
            LoginPage(http, antiforgery, ReturnUrl(returnUrl), error: null, email: null));

        app.MapPost(LoginPath, async (HttpContext http, IAntiforgery antiforgery, SignInManager<IdentityUser> signIn) =>
        {
            if (!await antiforgery.IsRequestValidAsync(http))
            {
                return Results.BadRequest();
            }

            var form = await http.Request.ReadFormAsync();
            var returnUrl = ReturnUrl(form["returnUrl"]);
            var email = form["email"].ToString().Trim();
            var password = form["password"].ToString();
            var result = email.Length == 0 || password.Length == 0
                ? Microsoft.AspNetCore.Identity.SignInResult.Failed
                : await signIn.PasswordSignInAsync(email, password, isPersistent: false, lockoutOnFailure: true);
            return result.Succeeded
                ? Results.LocalRedirect(returnUrl)
                : LoginPage(http, antiforgery, returnUrl, "Invalid email or password.", email);
        });
    }

    // Only the authorization endpoint may be the way back: anything else (absolute URLs, other paths) starts over at "/".
    private static string ReturnUrl(string? candidate) =>
        candidate is not null && candidate.StartsWith("/connect/authorize?", StringComparison.Ordinal) && !candidate.Contains('\\', StringComparison.Ordinal)
            ? candidate
            : "/";

    private static IResult LoginPage(HttpContext http, IAntiforgery antiforgery, string returnUrl, string? error, string? email)
    {
        var tokens = antiforgery.GetAndStoreTokens(http);
        var e = HtmlEncoder;
        var html = $$"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>Sign in · RefineSharp Identity Server</title>
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <style>body{font-family:system-ui,sans-serif;background:#f1f5f9;display:grid;place-items:center;min-height:100vh;margin:0}
            form{background:#fff;padding:2rem;border-radius:12px;box-shadow:0 2px 12px #0002;display:grid;gap:.75rem;width:20rem}
            input{padding:.5rem;font-size:1rem}button{padding:.6rem;font-size:1rem;background:#7c3aed;color:#fff;border:0;border-radius:6px}
            .error{color:#b91c1c}</style></head>
            <body><form method="post" action="{{LoginPath}}" data-idp-login>
            <h1>RefineSharp Identity Server</h1>
            {{(error is null ? "" : $"<p class=\"error\" role=\"alert\" data-idp-error>{e.Encode(error)}</p>")}}
            <input type="hidden" name="{{e.Encode(tokens.FormFieldName)}}" value="{{e.Encode(tokens.RequestToken ?? "")}}">
            <input type="hidden" name="returnUrl" value="{{e.Encode(returnUrl)}}">
            <label for="email">Email</label><input id="email" name="email" type="email" autocomplete="username" value="{{e.Encode(email ?? "")}}" required>
            <label for="password">Password</label><input id="password" name="password" type="password" autocomplete="current-password" required>
            <button type="submit">Sign in</button>
            </form></body></html>
            """;
        http.Response.Headers.CacheControl = "no-store";
        return Results.Content(html, "text/html; charset=utf-8", statusCode: error is null ? 200 : (int)HttpStatusCode.OK);
    }

    private static System.Text.Encodings.Web.HtmlEncoder HtmlEncoder => System.Text.Encodings.Web.HtmlEncoder.Default;
}
