using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using RefineSharp.Tokens;

namespace RefineSharp.Providers.AspNetIdentity.Http;

/// <summary>
/// Talks JSON to the Identity API and turns every answer (including no answer and garbage) into an
/// <see cref="ApiResponse{T}"/>; only the caller's cancellation escapes as an exception. Scoped, like the provider.
/// </summary>
internal sealed class IdentityApiClient
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly IHttpClientFactory _clients;
    private readonly IHttpMessageHandlerFactory _handlers;
    private readonly IServiceProvider _scope;
    private readonly AspNetIdentityAuthOptions _options;
    private readonly ILogger _logger;
    private Uri? _baseAddress;
    private HttpClient? _bearerClient;

    public IdentityApiClient(
        IHttpClientFactory clients,
        IHttpMessageHandlerFactory handlers,
        IServiceProvider scope,
        IOptions<AspNetIdentityAuthOptions> options,
        ILogger<IdentityApiClient>? logger = null)
    {
        _clients = clients;
        _handlers = handlers;
        _scope = scope;
        _options = options.Value;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    public AspNetIdentityAuthOptions Options => _options;

    /// <summary>Sends without credentials (login, register, refresh, password reset).</summary>
    public Task<ApiResponse<T>> SendAsync<T>(HttpMethod method, string endpoint, object? body, CancellationToken cancellationToken)
        where T : class => SendCoreAsync<T>(_clients.CreateClient(AspNetIdentityAuthOptions.HttpClientName), method, endpoint, body, null, cancellationToken);

    /// <summary>Sends with an explicit bearer token and no refresh (the logout notice).</summary>
    public Task<ApiResponse<T>> SendWithTokenAsync<T>(HttpMethod method, string endpoint, TokenSet tokens, CancellationToken cancellationToken)
        where T : class => SendCoreAsync<T>(_clients.CreateClient(AspNetIdentityAuthOptions.HttpClientName), method, endpoint, null, tokens, cancellationToken);

    /// <summary>Sends with the coordinator's access token, refreshing it (single-flight) and retrying once on a 401.</summary>
    public Task<ApiResponse<T>> SendAuthorizedAsync<T>(HttpMethod method, string endpoint, object? body, TokenRefreshCoordinator coordinator, CancellationToken cancellationToken)
        where T : class
    {
        // Built once per scope over the factory's pooled handler; never disposed, because disposing would dispose that pooled handler.
        _bearerClient ??= new HttpClient(
            new BearerTokenHandler(coordinator, Microsoft.Extensions.Options.Options.Create(IdentityOrigin())) { InnerHandler = _handlers.CreateHandler(AspNetIdentityAuthOptions.HttpClientName) },
            disposeHandler: false);
        return SendCoreAsync<T>(_bearerClient, method, endpoint, body, null, cancellationToken);
    }

    private async Task<ApiResponse<T>> SendCoreAsync<T>(HttpClient client, HttpMethod method, string endpoint, object? body, TokenSet? tokens, CancellationToken cancellationToken)
        where T : class
    {
        using var request = new HttpRequestMessage(method, Resolve(endpoint));
        if (body is not null)
        {
            request.Content = JsonContent.Create(body, body.GetType(), options: Json);
        }

        if (tokens is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens.AccessToken);
        }

        HttpResponseMessage response;
        try
        {
            response = await client.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
        {
            Log.ApiUnreachable(_logger, endpoint, ex);
            return new(ApiOutcome.Unreachable, null, null, null);
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                Log.ApiFailed(_logger, endpoint, (int)response.StatusCode);
                return new(ApiOutcome.Failed, null, response.StatusCode, await ReadProblemAsync(response, cancellationToken));
            }

            if (typeof(T) == typeof(NoContent))
            {
                return new(ApiOutcome.Ok, (T)(object)new NoContent(), response.StatusCode, null);
            }

            T? value;
            try
            {
                value = await response.Content.ReadFromJsonAsync<T>(Json, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (Exception ex)
            {
                // Whatever the body is (not JSON, truncated, a bad charset, numbers out of range), it is not an answer.
                return Unreadable<T>(endpoint, response, ex);
            }

            return value is null or IWellFormed { IsWellFormed: false }
                ? Unreadable<T>(endpoint, response, null)
                : new(ApiOutcome.Ok, value, response.StatusCode, null);
        }
    }

    private ApiResponse<T> Unreadable<T>(string endpoint, HttpResponseMessage? response, Exception? exception)
        where T : class
    {
        Log.ApiUnreadable(_logger, endpoint, exception);
        return new(ApiOutcome.Unreadable, null, response?.StatusCode, null);
    }

    private static async Task<IdentityProblem?> ReadProblemAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            return await response.Content.ReadFromJsonAsync<IdentityProblem>(Json, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception)
        {
            // An error without (readable) problem details still has its status code.
            return null;
        }
    }

    // The bearer token goes to the Identity API's origin only.
    private BearerTokenHandlerOptions IdentityOrigin()
    {
        var options = new BearerTokenHandlerOptions();
        options.AllowedOrigins.Add(new Uri(Resolve("/").GetLeftPart(UriPartial.Authority)));
        return options;
    }

    private Uri Resolve(string endpoint)
    {
        _baseAddress ??= _options.BaseAddress ?? _options.BaseAddressResolver?.Invoke(_scope) ?? throw new InvalidOperationException(
            "The ASP.NET Core Identity API address is not set. Set AspNetIdentityAuthOptions.BaseAddress (or BaseAddressResolver) in AddAspNetIdentityAuth(o => ...).");
        return new Uri(_baseAddress.AbsoluteUri.TrimEnd('/') + "/" + endpoint.TrimStart('/'));
    }
}
