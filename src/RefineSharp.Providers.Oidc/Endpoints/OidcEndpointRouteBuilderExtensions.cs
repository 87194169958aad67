using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenIddict.Client.AspNetCore;
using RefineSharp.Providers.Oidc;
using RefineSharp.Providers.Oidc.Endpoints;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps the OpenID Connect provider's endpoints (the start of a sign-in, the callbacks, the logout hand-over).</summary>
public static class OidcEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps, under <see cref="OidcAuthOptions.EndpointBasePath"/>: <c>start</c> (sends the browser to the identity
    /// provider), <c>callback/{name}</c> (completes the code flow and starts the server-side session), <c>logout</c>
    /// (RP-initiated logout) and <c>signed-out/{name}</c> (back from it). Call after <c>AddOidcAuth</c>.
    /// </summary>
    public static IEndpointRouteBuilder MapRefineOidc(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var options = endpoints.ServiceProvider.GetRequiredService<IOptions<OidcAuthOptions>>().Value;
        endpoints.MapGet(OidcPaths.Start(options), StartAsync).ExcludeFromDescription();
        endpoints.MapMethods(OidcPaths.Base(options) + "/callback/{provider}", [HttpMethods.Get, HttpMethods.Post], CallbackAsync).ExcludeFromDescription().DisableAntiforgery();
        endpoints.MapGet(OidcPaths.Logout(options), LogoutAsync).ExcludeFromDescription();
        endpoints.MapMethods(OidcPaths.Base(options) + "/signed-out/{provider}", [HttpMethods.Get, HttpMethods.Post], SignedOutAsync).ExcludeFromDescription().DisableAntiforgery();
        return endpoints;
    }

    private static async Task StartAsync(HttpContext http, string? provider, string? to)
    {
        var flow = Flow(http);
        if (flow.Providers.ByName(provider) is not { } registration)
        {
            http.Response.Redirect(flow.LoginFailure(to, OidcErrorCodes.UnknownProvider, provider: null));
            return;
        }

        NoStore(http);
        if (!await http.RequestServices.GetRequiredService<AvailabilityProbe>().IsReachableAsync(registration, http.RequestAborted))
        {
            http.Response.Redirect(flow.LoginFailure(to, OidcErrorCodes.Unavailable, registration));
            return;
        }

        try
        {
            // Read (or take from OpenIddict's cache) and validate the discovery document first: OpenIddict would
            // otherwise answer a document it cannot use with a bare error page of its own.
            await http.RequestServices.GetRequiredService<OpenIddict.Client.OpenIddictClientService>()
                .GetServerConfigurationByProviderNameAsync(registration.Name, http.RequestAborted);

            // OpenIddict builds the request (state, nonce, PKCE, correlation cookie) and redirects; nothing by hand here.
            await http.ChallengeAsync(OpenIddictClientAspNetCoreDefaults.AuthenticationScheme, flow.ChallengeProperties(registration, to));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // It answered the probe, so its discovery document (or its keys) is what OpenIddict could not use.
            OidcLog.ChallengeFailed(flow.Logger, registration.Name, ex.GetType().Name, Summary(ex));
            http.Response.Redirect(flow.LoginFailure(to, OidcErrorCodes.InvalidConfiguration, registration));
        }
    }

    private static async Task CallbackAsync(HttpContext http, string provider)
    {
        var flow = Flow(http);
        NoStore(http);
        await flow.CompleteSignInAsync(provider);
    }

    private static async Task LogoutAsync(HttpContext http, string? h)
    {
        var flow = Flow(http);
        NoStore(http);
        await flow.HandOverLogoutAsync(h);
    }

    private static async Task SignedOutAsync(HttpContext http)
    {
        var flow = Flow(http);
        NoStore(http);
        await flow.CompleteLogoutAsync();
    }

    private static OidcFlow Flow(HttpContext http) => http.RequestServices.GetRequiredService<OidcFlow>();

    private static void NoStore(HttpContext http) => http.Response.Headers.CacheControl = "no-store";

    // Exception messages of OpenIddict and HttpClient name endpoints and error codes, never token values.
    internal static string Summary(Exception ex)
    {
        var message = ex.InnerException is { } inner ? ex.Message + " / " + inner.Message : ex.Message;
        return message.Length > 300 ? message[..300] : message;
    }
}
