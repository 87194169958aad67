using RefineSharp.Tokens;

namespace RefineSharp.AspNetCore.Tests.Fixtures;

/// <summary>
/// A token-based provider like a real one: login stores a fresh token pair in the registered <see cref="ITokenStore"/>
/// (the server-side session here), check reads it, logout clears it. The right password is <see cref="Password"/>.
/// Two addresses make the sign-in throw, as a provider whose backend fails does: <see cref="TimesOut"/> (what
/// HttpClient throws when its timeout elapses) and <see cref="Breaks"/> (an exception whose text names internals).
/// </summary>
public sealed class TokenTestProvider(ITokenStore tokens) : AuthProvider
{
    public const string Password = "right-password";

    public const string TimesOut = "timeout@example.com";

    public const string Breaks = "broken@example.com";

    public const string Internals = "Server=10.9.8.7;Password=db-secret";

    public override async Task<AuthActionResult> LoginAsync(LoginRequest request, CancellationToken cancellationToken = default)
    {
        switch (request.Email)
        {
            case TimesOut:
                throw new TaskCanceledException("The request was canceled due to the configured HttpClient.Timeout of 100 seconds elapsing.");
            case Breaks:
                throw new InvalidOperationException("Cannot open the database: " + Internals);
        }

        if (request.Password != Password)
        {
            return AuthActionResult.Fail();
        }

        await tokens.SetAsync(NewTokens(), cancellationToken);
        return AuthActionResult.Ok("/");
    }

    public override async Task<AuthActionResult> LogoutAsync(LogoutRequest request, CancellationToken cancellationToken = default)
    {
        await tokens.ClearAsync(cancellationToken);
        return AuthActionResult.Ok("/login");
    }

    public override async Task<CheckResult> CheckAsync(CheckRequest request, CancellationToken cancellationToken = default) =>
        await tokens.GetAsync(cancellationToken) is null ? CheckResult.Fail("/login") : CheckResult.Ok();

    public override Task<OnErrorResult> OnErrorAsync(OnErrorRequest request, CancellationToken cancellationToken = default) =>
        Task.FromResult(OnErrorResult.Ignore());

    public static TokenSet NewTokens() => new()
    {
        AccessToken = "AT-" + Guid.NewGuid().ToString("N"),
        RefreshToken = "RT-" + Guid.NewGuid().ToString("N"),
        ExpiresAt = DateTimeOffset.UnixEpoch.AddYears(100),
    };
}
