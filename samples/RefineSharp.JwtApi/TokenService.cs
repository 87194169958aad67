using System.Collections.Concurrent;
using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace RefineSharp.JwtApi;

/// <summary>
/// Issues and checks the sample's tokens: HS256 access tokens (JsonWebTokenHandler, a key made at start) and opaque
/// refresh tokens that rotate: each works once, and presenting a used one revokes its whole family (a stolen token
/// that was already rotated ends the session for everyone holding it).
/// </summary>
public sealed class TokenService
{
    private const string Issuer = "refinesharp-jwt-sample";
    private const string Audience = "refinesharp-jwt-sample";
    private readonly SymmetricSecurityKey _key = new(RandomNumberGenerator.GetBytes(32));
    private readonly JsonWebTokenHandler _handler = new();
    private readonly ConcurrentDictionary<string, RefreshEntry> _refresh = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _revokedFamilies = new(StringComparer.Ordinal);
    // Per user: RevokeAll bumps it, and every token issued under an older generation stops working.
    private readonly ConcurrentDictionary<long, int> _generation = new();
    private readonly JwtApiOptions _options;
    private readonly TimeProvider _time;
    private long _refreshes;

    public TokenService(IOptions<JwtApiOptions> options, TimeProvider time)
    {
        _options = options.Value;
        _time = time;
    }

    /// <summary>How many refreshes succeeded since start (for /dev/stats).</summary>
    public long Refreshes => Interlocked.Read(ref _refreshes);

    public object Issue(SampleUser user, string? family = null)
    {
        family ??= Guid.NewGuid().ToString("N");
        var now = _time.GetUtcNow();
        var access = _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = now.Add(_options.AccessTokenLifetime).UtcDateTime,
            Subject = new ClaimsIdentity(
            [
                new Claim("sub", user.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                new Claim("fam", family),
                // Unique per token: two tokens issued in the same second must still differ (clients compare them).
                new Claim("jti", Guid.NewGuid().ToString("N")),
                new Claim("gen", Generation(user.Id).ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ]),
            SigningCredentials = new SigningCredentials(_key, SecurityAlgorithms.HmacSha256),
        });
        var refresh = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        _refresh[refresh] = new RefreshEntry(user.Id, family, Generation(user.Id), now.Add(_options.RefreshTokenLifetime));
        return new
        {
            accessToken = access,
            refreshToken = refresh,
            expiresIn = (int)_options.AccessTokenLifetime.TotalSeconds,
            tokenType = "Bearer",
        };
    }

    /// <summary>The user id of a valid, unrevoked access token, or null.</summary>
    public async Task<long?> ValidateAsync(string? authorization)
    {
        if (authorization is null || !authorization.StartsWith("Bearer ", StringComparison.Ordinal))
        {
            return null;
        }

        var result = await _handler.ValidateTokenAsync(authorization["Bearer ".Length..], new TokenValidationParameters
        {
            ValidIssuer = Issuer,
            ValidAudience = Audience,
            IssuerSigningKey = _key,
            ClockSkew = TimeSpan.Zero,
            LifetimeValidator = (notBefore, expires, _, _) => expires is { } e && e > _time.GetUtcNow().UtcDateTime,
        });
        if (!result.IsValid ||
            !result.Claims.TryGetValue("sub", out var sub) || !long.TryParse(sub as string, out var id) ||
            !result.Claims.TryGetValue("fam", out var family) || _revokedFamilies.ContainsKey((string)family) ||
            !result.Claims.TryGetValue("gen", out var generation) || generation as string != Generation(id).ToString(System.Globalization.CultureInfo.InvariantCulture))
        {
            return null;
        }

        return id;
    }

    /// <summary>Rotates: the refresh token's user and family, once; a second use revokes the family.</summary>
    public (long UserId, string Family)? Redeem(string? refreshToken)
    {
        if (refreshToken is null || !_refresh.TryGetValue(refreshToken, out var entry))
        {
            return null;
        }

        if (entry.Used || _revokedFamilies.ContainsKey(entry.Family) || entry.Expires <= _time.GetUtcNow() ||
            entry.Generation != Generation(entry.UserId))
        {
            // Reuse of a rotated token: someone else holds the family.
            _revokedFamilies[entry.Family] = 0;
            return null;
        }

        if (!_refresh.TryUpdate(refreshToken, entry with { Used = true }, entry))
        {
            _revokedFamilies[entry.Family] = 0;
            return null;
        }

        Interlocked.Increment(ref _refreshes);
        return (entry.UserId, entry.Family);
    }

    /// <summary>Revokes the family of a refresh token (logout).</summary>
    public void Revoke(string? refreshToken)
    {
        if (refreshToken is not null && _refresh.TryGetValue(refreshToken, out var entry))
        {
            _revokedFamilies[entry.Family] = 0;
        }
    }

    /// <summary>Ends every session of a user issued until now (the dev endpoint tests use for "the API says 401").</summary>
    public void RevokeAll(long userId) => _generation.AddOrUpdate(userId, 1, (_, g) => g + 1);

    private int Generation(long userId) => _generation.GetValueOrDefault(userId);

    private sealed record RefreshEntry(long UserId, string Family, int Generation, DateTimeOffset Expires, bool Used = false);
}
