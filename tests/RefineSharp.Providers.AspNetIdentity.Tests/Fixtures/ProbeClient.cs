namespace RefineSharp.Providers.AspNetIdentity.Tests.Fixtures;

/// <summary>A data client registered with AddAuthenticatedHttpClient: its requests carry the bearer token.</summary>
public sealed class ProbeClient(HttpClient http)
{
    public HttpClient Http { get; } = http;

    public Task<HttpResponseMessage> GetAsync(string path) => Http.GetAsync(new Uri(path.TrimStart('/'), UriKind.Relative));
}
