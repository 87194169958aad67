using System.Net.Http.Json;
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
        if (body?.Token is null) return AuthActionResult.Fail();
        await tokens.SetAsync(new TokenSet { AccessToken = body.Token }, ct);
        return AuthActionResult.Ok(redirectTo: "/");
    }

    public override async Task<AuthActionResult> LogoutAsync(LogoutRequest request, CancellationToken ct = default)
    {
        await tokens.ClearAsync(ct);
        return AuthActionResult.Ok(redirectTo: "/login");
    }

    public override async Task<CheckResult> CheckAsync(CheckRequest request, CancellationToken ct = default) =>
        await tokens.GetAsync(ct) is null ? CheckResult.Fail(redirectTo: "/login") : CheckResult.Ok();

    public override Task<OnErrorResult> OnErrorAsync(OnErrorRequest request, CancellationToken ct = default) =>
        Task.FromResult(request.StatusCode == 401 ? OnErrorResult.LogoutTo("/login") : OnErrorResult.Ignore());

    public override async Task<object?> GetIdentityAsync(IdentityRequest request, CancellationToken ct = default)
    {
        if (await tokens.GetAsync(ct) is not { } token) return null;
        using var message = new HttpRequestMessage(HttpMethod.Get, "auth/me");
        message.Headers.Authorization = new("Bearer", token.AccessToken);
        using var response = await http.SendAsync(message, ct);
        return response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<UserIdentity>(ct) : null;
    }

    private sealed record LoginResponse(string? Token);
}
