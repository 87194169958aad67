namespace RefineSharp.AspNetCore.Proxy;

/// <summary>Where <c>MapRefineApiProxy</c> forwards to, and how long it waits.</summary>
public sealed class RefineApiProxyOptions
{
    /// <summary>
    /// The backend API's base address (scheme, host, port and an optional path such as "/v1/"). The path after the
    /// proxy's prefix is appended to it. Set this or <see cref="DestinationResolver"/>.
    /// </summary>
    public Uri? Destination { get; set; }

    /// <summary>
    /// Resolves the backend's base address on the first forwarded request, for addresses known only once the app runs
    /// (for example its own Kestrel address on port 0). Used when <see cref="Destination"/> is null.
    /// </summary>
    public Func<IServiceProvider, Uri>? DestinationResolver { get; set; }

    /// <summary>How long the backend may stay silent before the proxy answers 504 (default 30 s).</summary>
    public TimeSpan ActivityTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
