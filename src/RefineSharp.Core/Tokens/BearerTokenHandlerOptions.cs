namespace RefineSharp.Tokens;

/// <summary>
/// Where the <see cref="BearerTokenHandler"/> may send the access token. It always may send it to the origin of the
/// HttpClient's BaseAddress (for clients of <c>AddAuthenticatedHttpClient</c>); any other origin must be listed here.
/// Requests to other origins go out without the Authorization header. Validated when the app starts.
/// </summary>
public sealed class BearerTokenHandlerOptions
{
    /// <summary>Further origins (scheme, host and port, such as <c>https://api.example.com</c>) that receive the access token.</summary>
    public IList<Uri> AllowedOrigins { get; } = new List<Uri>();
}
