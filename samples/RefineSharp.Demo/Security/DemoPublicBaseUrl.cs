using RefineSharp.Demo.Services;

namespace RefineSharp.Demo.Security;

/// <summary>
/// The address links in emails point at: Demo:PublicBaseUrl when set (set it outside Development), else the address
/// the server itself listens on. Never the request's Host header: a request with "Host: evil.example" would otherwise
/// get confirmation and reset links to evil.example mailed to a real user.
/// </summary>
public sealed class DemoPublicBaseUrl(IServiceProvider services, IConfiguration configuration, ILogger<DemoPublicBaseUrl> logger)
{
    private Uri? _base;

    /// <summary>The base address, ending in a slash.</summary>
    public Uri Get()
    {
        if (_base is not null)
        {
            return _base;
        }

        var configured = configuration["Demo:PublicBaseUrl"];
        Uri found;
        if (!string.IsNullOrWhiteSpace(configured))
        {
            if (!Uri.TryCreate(configured.EndsWith('/') ? configured : configured + "/", UriKind.Absolute, out var parsed) || parsed.Scheme is not ("http" or "https"))
            {
                throw new InvalidOperationException("Demo:PublicBaseUrl must be an absolute http or https URL, for example https://demo.example.com/.");
            }

            found = parsed;
        }
        else
        {
            found = DemoServerAddress.Get(services);
            SecurityLog.NoPublicBaseUrl(logger, found);
        }

        return _base = found;
    }

    /// <summary>
    /// <paramref name="link"/> (absolute, as Identity builds it from the request, or app-relative) moved onto the public
    /// base: its path and query are kept, its scheme, host and port are replaced.
    /// </summary>
    public Uri Rebase(string link)
    {
        ArgumentNullException.ThrowIfNull(link);
        var pathAndQuery = Uri.TryCreate(link, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https"
            ? absolute.PathAndQuery
            : link;
        return new Uri(Get(), pathAndQuery.TrimStart('/'));
    }
}
