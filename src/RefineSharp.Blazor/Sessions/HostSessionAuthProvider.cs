using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace RefineSharp.Blazor;

/// <summary>
/// The auth provider of a WebAssembly client whose host keeps server-side sessions: every member asks the host's
/// session endpoints (<c>MapRefineSessionEndpoints()</c> of RefineSharp.AspNetCore), where the app's real provider runs.
/// The browser holds only the HttpOnly session cookie; the engine here keeps refine's semantics (validated redirects,
/// notifications). Every call carries the header the endpoints require against cross-site requests; an answer that
/// is not a success throws, which the engine turns into a failed, generic result (fail closed).
/// </summary>
public sealed class HostSessionAuthProvider : AuthProvider
{
    /// <summary>The header the session endpoints require on every call.</summary>
    public const string CsrfHeader = "X-Refine-Session";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly HttpClient _http;

    /// <summary>Creates the provider over <paramref name="http"/>, whose base address is the session endpoints' (for example "https://app/_refine/session/").</summary>
    public HostSessionAuthProvider(HttpClient http)
    {
        ArgumentNullException.ThrowIfNull(http);
        _http = http;
    }

    /// <inheritdoc />
    public override Task<AuthActionResult> LoginAsync(LoginRequest request, CancellationToken cancellationToken = default) =>
        PostAsync<AuthActionResult>("login", request, cancellationToken);

    /// <inheritdoc />
    public override Task<AuthActionResult> LogoutAsync(LogoutRequest request, CancellationToken cancellationToken = default) =>
        PostAsync<AuthActionResult>("logout", request, cancellationToken);

    /// <inheritdoc />
    public override Task<CheckResult> CheckAsync(CheckRequest request, CancellationToken cancellationToken = default) =>
        GetAsync<CheckResult>("check", cancellationToken);

    /// <inheritdoc />
    public override Task<OnErrorResult> OnErrorAsync(OnErrorRequest request, CancellationToken cancellationToken = default) =>
        PostAsync<OnErrorResult>("on-error", new OnErrorRequest { StatusCode = request?.StatusCode }, cancellationToken);

    /// <inheritdoc />
    public override Task<AuthActionResult> RegisterAsync(RegisterRequest request, CancellationToken cancellationToken = default) =>
        PostAsync<AuthActionResult>("register", request, cancellationToken);

    /// <inheritdoc />
    public override Task<AuthActionResult> ForgotPasswordAsync(ForgotPasswordRequest request, CancellationToken cancellationToken = default) =>
        PostAsync<AuthActionResult>("forgot-password", request, cancellationToken);

    /// <inheritdoc />
    public override Task<AuthActionResult> UpdatePasswordAsync(UpdatePasswordRequest request, CancellationToken cancellationToken = default) =>
        PostAsync<AuthActionResult>("update-password", request, cancellationToken);

    /// <summary>Returns the host provider's identity: a <see cref="UserIdentity"/> when it has that shape, else the JSON; null when there is none.</summary>
    public override async Task<object?> GetIdentityAsync(IdentityRequest request, CancellationToken cancellationToken = default)
    {
        var json = await GetJsonAsync("identity", cancellationToken);
        if (json is not { } element)
        {
            return null;
        }

        return element.ValueKind == JsonValueKind.Object && element.TryGetProperty("id", out _)
            ? element.Deserialize<UserIdentity>(Json)
            : element;
    }

    /// <summary>Returns the host provider's permissions: a string array when they are strings, else the JSON; null when there are none.</summary>
    public override async Task<object?> GetPermissionsAsync(PermissionsRequest request, CancellationToken cancellationToken = default)
    {
        var json = await GetJsonAsync("permissions", cancellationToken);
        if (json is not { } element)
        {
            return null;
        }

        return element.ValueKind == JsonValueKind.Array && element.EnumerateArray().All(e => e.ValueKind == JsonValueKind.String)
            ? element.Deserialize<string[]>(Json)
            : element;
    }

    private async Task<T> PostAsync<T>(string path, object? body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative)) { Content = JsonContent.Create(body, body?.GetType() ?? typeof(object), options: Json) };
        return await SendAsync<T>(request, cancellationToken);
    }

    private async Task<T> GetAsync<T>(string path, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        return await SendAsync<T>(request, cancellationToken);
    }

    private async Task<T> SendAsync<T>(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Add(CsrfHeader, "1");
        using var response = await _http.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<T>(Json, cancellationToken)
            ?? throw new InvalidOperationException("The session endpoint answered an empty body.");
    }

    private async Task<JsonElement?> GetJsonAsync(string path, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        request.Headers.Add(CsrfHeader, "1");
        using var response = await _http.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
        return response.StatusCode == HttpStatusCode.NoContent ? null : await response.Content.ReadFromJsonAsync<JsonElement>(Json, cancellationToken);
    }
}
