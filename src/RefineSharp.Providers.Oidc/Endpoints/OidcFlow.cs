using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using OpenIddict.Client.AspNetCore;
using RefineSharp.Providers.Oidc.Tokens;
using RefineSharp.Tokens;

namespace RefineSharp.Providers.Oidc.Endpoints;

/// <summary>
/// The request side of a sign-in and a logout (one HTTP request each): OpenIddict's client does the protocol; this
/// class validates the return path, starts or ends the server-side session, and turns failures into a notification
/// shown on the login page (carried across the redirect by the session's flash cookie).
/// </summary>
internal sealed class OidcFlow(
    IHttpContextAccessor accessor,
    OidcProviderLookup providers,
    ITokenStore store,
    LogoutHandover handover,
    ILogger<OidcFlow> logger)
{
    public OidcProviderLookup Providers => providers;

    public ILogger Logger => logger;

    private OidcAuthOptions Options => providers.Options;

    private HttpContext Http => accessor.HttpContext ?? throw new InvalidOperationException("The OIDC endpoints run in an HTTP request.");

    public AuthenticationProperties ChallengeProperties(OidcProviderOptions provider, string? to)
    {
        var properties = new AuthenticationProperties(new Dictionary<string, string?>
        {
            [OpenIddictClientAspNetCoreConstants.Properties.ProviderName] = provider.Name,
        })
        {
            // Only a local path travels (it comes back inside OpenIddict's protected state token and is checked again).
            RedirectUri = LocalRedirect.IsLocal(to) ? to : Options.AfterLoginPath,
        };
        foreach (var (name, value) in provider.AuthorizationParameters)
        {
            properties.SetParameter(name, value);
        }

        return properties;
    }

    public async Task CompleteSignInAsync(string providerName)
    {
        var provider = providers.ByName(providerName);
        AuthenticateResult result;
        try
        {
            result = await Http.AuthenticateAsync(OpenIddictClientAspNetCoreDefaults.AuthenticationScheme);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            OidcLog.CallbackFailed(logger, providerName.Length > 40 ? providerName[..40] : providerName, ex.GetType().Name, Microsoft.AspNetCore.Builder.OidcEndpointRouteBuilderExtensions.Summary(ex));
            Http.Response.Redirect(FailurePath(Options.LoginPath, OidcErrorCodes.Unavailable, provider));
            return;
        }

        if (provider is null || !result.Succeeded || OidcTokenSets.FromCallback(result.Properties!) is not { } tokens)
        {
            // A tampered or replayed response, a wrong issuer, nonce or state, a refused code, or a user who cancelled.
            var error = result.Properties?.GetString(OpenIddictClientAspNetCoreConstants.Properties.Error) ?? result.Failure?.GetType().Name ?? "no_tokens";
            var description = result.Properties?.GetString(OpenIddictClientAspNetCoreConstants.Properties.ErrorDescription) ?? result.Failure?.Message ?? "";
            var errorUri = result.Properties?.GetString(OpenIddictClientAspNetCoreConstants.Properties.ErrorUri);
            OidcLog.SignInRefused(logger, provider?.Name ?? "(unknown)", error, description.Length > 300 ? description[..300] : description);
            Http.Response.Redirect(FailurePath(Options.LoginPath, OidcErrorCodes.ForRefusal(error, errorUri), provider));
            return;
        }

        // A fresh session key for the new sign-in (never the one a visitor arrived with), then the tokens into it.
        await store.ClearAsync();
        await store.SetAsync(tokens);
        OidcLog.SignedIn(logger, provider.Name);
        var target = result.Properties!.RedirectUri;
        Http.Response.Redirect(LocalRedirect.TryResolve(BaseUri(), target, out var absolute) ? absolute : Options.AfterLoginPath);
    }

    public async Task HandOverLogoutAsync(string? handle)
    {
        var entry = await handover.TakeAsync(handle, Http.RequestAborted);
        if (entry is null || providers.ByName(entry.Provider) is not { } provider)
        {
            // Already used, expired or forged: the local session is over anyway; nothing else to end.
            Http.Response.Redirect(Options.AfterLogoutPath);
            return;
        }

        try
        {
            await Http.SignOutAsync(OpenIddictClientAspNetCoreDefaults.AuthenticationScheme, new AuthenticationProperties(new Dictionary<string, string?>
            {
                [OpenIddictClientAspNetCoreConstants.Properties.ProviderName] = provider.Name,
                [OpenIddictClientAspNetCoreConstants.Properties.IdentityTokenHint] = entry.IdToken,
            })
            {
                RedirectUri = Options.AfterLogoutPath,
            });
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            OidcLog.EndSessionFailed(logger, provider.Name, ex.GetType().Name, Microsoft.AspNetCore.Builder.OidcEndpointRouteBuilderExtensions.Summary(ex));
            Http.Response.Redirect(FailurePath(Options.AfterLogoutPath, OidcErrorCodes.LogoutUnavailable, provider));
        }
    }

    public async Task CompleteLogoutAsync()
    {
        string? target = null;
        try
        {
            var result = await Http.AuthenticateAsync(OpenIddictClientAspNetCoreDefaults.AuthenticationScheme);
            target = result.Properties?.RedirectUri;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            OidcLog.EndSessionFailed(logger, "(post-logout)", ex.GetType().Name, Microsoft.AspNetCore.Builder.OidcEndpointRouteBuilderExtensions.Summary(ex));
        }

        Http.Response.Redirect(LocalRedirect.TryResolve(BaseUri(), target, out var absolute) ? absolute : Options.AfterLogoutPath);
    }

    /// <summary>The login page (with the validated <c>?to=</c>) showing <paramref name="code"/>.</summary>
    public string LoginFailure(string? to, string code, OidcProviderOptions? provider)
    {
        var login = LocalRedirect.IsLocal(to) ? Options.LoginPath + QueryString.Create("to", to) : Options.LoginPath;
        return FailurePath(login, code, provider);
    }

    private static string FailurePath(string path, string code, OidcProviderOptions? provider)
    {
        var query = new Dictionary<string, string?> { [OidcSignInError.CodeParameter] = code };
        if (provider is not null)
        {
            query[OidcSignInError.ProviderParameter] = provider.Name;
        }

        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(path, query);
    }

    private string BaseUri()
    {
        var request = Http.Request;
        return request.Scheme + "://" + request.Host + request.PathBase + "/";
    }
}
