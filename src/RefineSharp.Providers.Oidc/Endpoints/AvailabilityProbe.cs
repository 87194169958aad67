using Microsoft.Extensions.Logging;

namespace RefineSharp.Providers.Oidc.Endpoints;

/// <summary>
/// Before the browser is sent away, asks the identity provider for its discovery document (a GET with a short
/// timeout). OpenIddict caches the document, so without this check an identity provider that went down after the
/// first sign-in would leave the user on the browser's own "site can't be reached" page instead of a message here.
/// </summary>
internal sealed class AvailabilityProbe(IHttpClientFactory clients, ILogger<AvailabilityProbe> logger)
{
    public const string ClientName = "RefineSharp.Oidc.Probe";

    public async Task<bool> IsReachableAsync(OidcProviderOptions provider, CancellationToken cancellationToken)
    {
        var discovery = new Uri(provider.Authority!.AbsoluteUri.TrimEnd('/') + "/.well-known/openid-configuration");
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(5));
            using var response = await clients.CreateClient(ClientName).GetAsync(discovery, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            if (response.IsSuccessStatusCode)
            {
                return true;
            }

            OidcLog.ProbeFailed(logger, provider.Name, "HTTP " + (int)response.StatusCode);
            return false;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            OidcLog.ProbeFailed(logger, provider.Name, ex.GetType().Name);
            return false;
        }
    }
}
