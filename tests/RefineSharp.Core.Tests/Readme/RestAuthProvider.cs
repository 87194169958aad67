using System.Net.Http.Json;
using System.Text.Json;
using RefineSharp;
using RefineSharp.Tokens;

// The provider printed in README.md, verbatim (ReadmeExampleTests keeps the two in sync).
namespace RefineSharp.Tests.Readme;

public sealed class RestAuthProvider(HttpClient http, ITokenStore tokens) : AuthProvider
{
    public override async Task<AuthActionResult> LoginAsync(LoginRequest request, CancellationToken ct = default)
    {
        using var response = await http.PostAsJsonAsync("auth/login", new { request.Email, request.Password }, ct);
        var body = response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<LoginResponse>(ct) : null;
        if (body?.AccessToken is null) return AuthActionResult.Fail();
        DateTimeOffset? expiresAt = body.ExpiresIn > 0 ? DateTimeOffset.UtcNow.AddSeconds(body.ExpiresIn.Value) : null;
        await tokens.SetAsync(new TokenSet { AccessToken = body.AccessToken, ExpiresAt = expiresAt }, ct);
        return AuthActionResult.Ok(redirectTo: "/");
    }

    public override async Task<AuthActionResult> LogoutAsync(LogoutRequest request, CancellationToken ct = default)
    {
        await tokens.ClearAsync(ct);
        return AuthActionResult.Ok(redirectTo: "/login");
    }

    // Signed in while a token is stored that has not expired.
    public override async Task<CheckResult> CheckAsync(CheckRequest request, CancellationToken ct = default) =>
        await tokens.GetAsync(ct) is { } token && !(token.ExpiresAt <= DateTimeOffset.UtcNow)
            ? CheckResult.Ok()
            : CheckResult.Fail(redirectTo: "/login");

    public override Task<OnErrorResult> OnErrorAsync(OnErrorRequest request, CancellationToken ct = default) =>
        Task.FromResult(request.StatusCode == 401 ? OnErrorResult.LogoutTo("/login") : OnErrorResult.Ignore());

    public override async Task<object?> GetIdentityAsync(IdentityRequest request, CancellationToken ct = default)
    {
        if (await tokens.GetAsync(ct) is not { } token) return null;
        using var message = new HttpRequestMessage(HttpMethod.Get, "auth/me");
        message.Headers.Authorization = new("Bearer", token.AccessToken);
        using var response = await http.SendAsync(message, ct);
        if (!response.IsSuccessStatusCode) return null;
        var me = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
        // "id" may be a number (1) or a string ("1"); a missing field is simply null.
        string? Text(string name) => me.ValueKind == JsonValueKind.Object && me.TryGetProperty(name, out var v)
            && v.ValueKind is JsonValueKind.String or JsonValueKind.Number ? v.ToString() : null;
        return Text("id") is { } id ? new UserIdentity { Id = id, Name = Text("name"), Email = Text("email") } : null;
    }

    private sealed record LoginResponse(string? AccessToken, int? ExpiresIn);
}
