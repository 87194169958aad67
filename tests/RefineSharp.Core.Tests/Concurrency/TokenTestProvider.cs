using System.Net;
using RefineSharp.Tokens;

namespace RefineSharp.Tests.Concurrency;

/// <summary>
/// A small token-based provider, shaped like the ASP.NET Core Identity one: login stores tokens, logout clears them,
/// check reads them, and a 401 logs out while tokens are stored. Every member yields first (through
/// <see cref="Interleave"/>), so the scheduler can put other work in between.
/// </summary>
internal sealed class TokenTestProvider(ITokenStore store) : AuthProvider
{
    private int _logins;
    private int _logouts;

    /// <summary>Called at every point where another task may run; the Coyote tests put a scheduling point here.</summary>
    public Func<Task> Interleave { get; set; } = async () => await Task.Yield();

    public int Logouts => Volatile.Read(ref _logouts);

    public override async Task<AuthActionResult> LoginAsync(LoginRequest request, CancellationToken cancellationToken = default)
    {
        await Interleave();
        var n = Interlocked.Increment(ref _logins);
        await store.SetAsync(new TokenSet { AccessToken = "login-" + n, RefreshToken = "refresh-login-" + n, ExpiresAt = null }, CancellationToken.None);
        return AuthActionResult.Ok("/");
    }

    public override async Task<AuthActionResult> LogoutAsync(LogoutRequest request, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _logouts);
        await Interleave();
        await store.ClearAsync(CancellationToken.None);
        return AuthActionResult.Ok("/login");
    }

    public override async Task<CheckResult> CheckAsync(CheckRequest request, CancellationToken cancellationToken = default)
    {
        await Interleave();
        return await store.GetAsync(CancellationToken.None) is null ? CheckResult.Fail("/login") : CheckResult.Ok();
    }

    public override async Task<OnErrorResult> OnErrorAsync(OnErrorRequest request, CancellationToken cancellationToken = default)
    {
        if (request.StatusCode != (int)HttpStatusCode.Unauthorized)
        {
            await Interleave();
            return OnErrorResult.Ignore();
        }

        // Like a browser store read: the value is read now, the answer arrives after an await.
        var stored = await store.GetAsync(CancellationToken.None) is not null;
        await Interleave();
        return stored ? OnErrorResult.LogoutTo("/login") : OnErrorResult.NavigateTo("/login");
    }
}
