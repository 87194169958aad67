using System.Security.Claims;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace RefineSharp.IdentityServer.Hosting;

/// <summary>
/// Test-only misbehaviour of this server, so the client's own validation can be shown refusing it: ID tokens with a
/// wrong nonce or another issuer (still signed with the real key), and a clock that is off. Off unless
/// <c>Idp:Faults:Enabled</c> is true; refused at start in Production. Set at run time through <c>PUT /testing/faults</c>.
/// </summary>
public sealed class IdpFaults
{
    private volatile State _state = new(false, null, TimeSpan.Zero);

    /// <summary>ID tokens carry a nonce other than the one the client sent.</summary>
    public bool WrongNonce => _state.WrongNonce;

    /// <summary>ID tokens name this issuer instead of this server.</summary>
    public Uri? Issuer => _state.Issuer;

    /// <summary>How far this server's token clock is from the real time (negative: behind).</summary>
    public TimeSpan ClockOffset => _state.ClockOffset;

    /// <summary>Replaces every fault at once (so a test never sees half of an old setting).</summary>
    public void Set(bool wrongNonce, Uri? issuer, TimeSpan clockOffset) => _state = new(wrongNonce, issuer, clockOffset);

    /// <summary>OpenIddict's clock: the real time shifted by <see cref="ClockOffset"/> (issued-at and expiry of every token).</summary>
    public TimeProvider Clock => new ShiftedClock(this);

    /// <summary>Runs after OpenIddict has prepared the ID token's claims and before it signs them.</summary>
    public void Tamper(OpenIddictServerEvents.ProcessSignInContext context)
    {
        if (context.IdentityTokenPrincipal is not ClaimsPrincipal principal)
        {
            return;
        }

        var state = _state;
        if (state.WrongNonce && principal.HasClaim(claim => claim.Type == Claims.Nonce))
        {
            principal.SetClaim(Claims.Nonce, "not-the-nonce-" + Guid.NewGuid().ToString("N"));
        }

        if (state.Issuer is { } issuer)
        {
            principal.SetClaim(Claims.Private.Issuer, issuer.AbsoluteUri);
        }
    }

    private sealed record State(bool WrongNonce, Uri? Issuer, TimeSpan ClockOffset);

    private sealed class ShiftedClock(IdpFaults faults) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + faults.ClockOffset;
    }
}
