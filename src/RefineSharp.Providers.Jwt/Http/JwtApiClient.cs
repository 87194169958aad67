using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RefineSharp.Tokens;

namespace RefineSharp.Providers.Jwt.Http;

/// <summary>
/// Talks JSON to the JWT API through the named HttpClient. Never throws for what the network or the API does (an
/// unreachable API, an HTML error page, a body that is not JSON): those become an <see cref="ApiAnswer"/>. Only the
/// caller's own cancellation escapes.
/// </summary>
internal sealed class JwtApiClient
{
    // An answer bigger than this is not a token or user answer; reading stops there.
    private const int MaxBodyBytes = 256 * 1024;

    private readonly IHttpClientFactory _clients;
    private readonly IServiceProvider _services;
    private readonly ILogger _logger;

    public JwtApiClient(IHttpClientFactory clients, IOptions<JwtAuthOptions> options, IServiceProvider services, ILogger<JwtApiClient> logger)
    {
        _clients = clients;
        Options = options.Value;
        _services = services;
        _logger = logger;
    }

    public JwtAuthOptions Options { get; }

    /// <summary>Sends <paramref name="fields"/> (field name → value) as a JSON object, with the bearer token when given.</summary>
    public Task<ApiAnswer> PostAsync(string endpoint, IReadOnlyList<(string Field, string? Value)> fields, TokenSet? bearer, CancellationToken cancellationToken)
    {
        var body = new JsonObject();
        foreach (var (field, value) in fields)
        {
            body[field] = value;
        }

        return SendAsync(HttpMethod.Post, endpoint, JsonContent.Create(body), bearer, cancellationToken);
    }

    public Task<ApiAnswer> GetAsync(string endpoint, TokenSet bearer, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, endpoint, content: null, bearer, cancellationToken);

    private async Task<ApiAnswer> SendAsync(HttpMethod method, string endpoint, HttpContent? content, TokenSet? bearer, CancellationToken cancellationToken)
    {
        if ((Options.BaseAddress ?? Options.BaseAddressResolver?.Invoke(_services)) is not { IsAbsoluteUri: true } baseAddress)
        {
            JwtLog.NoBaseAddress(_logger);
            return default;
        }

        using var request = new HttpRequestMessage(method, new Uri(EnsureTrailingSlash(baseAddress), endpoint)) { Content = content };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue(string.IsNullOrEmpty(bearer.TokenType) ? "Bearer" : bearer.TokenType, bearer.AccessToken);
        }

        try
        {
            using var client = _clients.CreateClient(JwtAuthOptions.HttpClientName);
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            return new ApiAnswer(response.StatusCode, await ReadJsonAsync(response, cancellationToken));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException or IOException)
        {
            JwtLog.Unreachable(_logger, method.Method, endpoint, ex.GetType().Name);
            return default;
        }
    }

    private static async Task<JsonElement?> ReadJsonAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.Content.Headers.ContentLength is > MaxBodyBytes)
        {
            return null;
        }

        try
        {
            await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
            var buffer = new byte[MaxBodyBytes + 1];
            var read = 0;
            int n;
            while (read < buffer.Length && (n = await stream.ReadAsync(buffer.AsMemory(read), cancellationToken)) > 0)
            {
                read += n;
            }

            if (read == 0 || read > MaxBodyBytes)
            {
                return null;
            }

            using var document = JsonDocument.Parse(buffer.AsMemory(0, read));
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }

    // new Uri(base, "auth/login") drops the last segment of a base without a trailing slash ("/api" + "auth" = "/auth").
    private static Uri EnsureTrailingSlash(Uri uri) =>
        uri.AbsolutePath.EndsWith('/') ? uri : new Uri(uri.GetLeftPart(UriPartial.Path) + "/" + uri.Query);
}
