using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace RefineSharp.Providers.InMemory;

/// <summary>
/// The users of the in-memory provider (one store per app, shared by every session): hashed passwords, accounts
/// created by sign-up, and an <see cref="Outbox"/> where password reset messages land instead of being emailed.
/// </summary>
public sealed class InMemoryUserStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, StoredUser> _users = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, PasswordResetMessage> _pendingResets = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<PasswordResetMessage> _outbox = [];

    /// <summary>How many reset messages the <see cref="Outbox"/> keeps; older ones are dropped.</summary>
    public const int OutboxCapacity = 100;

    // Refresh tokens by the SHA-256 of their value (the values themselves are never kept): owner and whether used.
    private readonly Dictionary<string, RefreshTokenEntry> _refreshTokens = new(StringComparer.Ordinal);
    private int _refreshTokenReuses;
    private readonly InMemoryAuthOptions _options;
    private readonly TimeProvider _time;
    private readonly PasswordHash _dummy;

    /// <summary>Creates the store with the users of <paramref name="options"/>, hashing their passwords.</summary>
    public InMemoryUserStore(IOptions<InMemoryAuthOptions> options, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _time = timeProvider ?? TimeProvider.System;
        _dummy = PasswordHash.Create("unused", _options.PasswordHashIterations);
        foreach (var user in _options.Users)
        {
            if (!TryAdd(user.Email, user.Password, user.Name, user.Avatar, [.. user.Roles]))
            {
                throw new InvalidOperationException($"The in-memory user {user.Email} is configured twice. Each email may appear once in InMemoryAuthOptions.Users.");
            }
        }
    }

    /// <summary>Every password reset message sent so far, oldest first (what a real app would have emailed).</summary>
    public IReadOnlyList<PasswordResetMessage> Outbox
    {
        get
        {
            lock (_gate)
            {
                return [.. _outbox];
            }
        }
    }

    /// <summary>How many times a refresh token was presented again after it had been used (each revoked that user's tokens).</summary>
    public int RefreshTokenReuseCount => Volatile.Read(ref _refreshTokenReuses);

    /// <summary>
    /// Issues a rotating refresh token for the account (for token-based demos and tests): it can be exchanged once,
    /// through <see cref="RotateRefreshToken"/>. Null when there is no such account.
    /// </summary>
    public string? IssueRefreshToken(string email)
    {
        ArgumentNullException.ThrowIfNull(email);
        lock (_gate)
        {
            return _users.TryGetValue(email, out var user) ? AddRefreshToken(user.Email) : null;
        }
    }

    /// <summary>
    /// Exchanges <paramref name="refreshToken"/> for a new one, which replaces it. Null when the token is unknown or
    /// revoked; and when it was already used, which counts as reuse (a stolen or raced token): every refresh token of
    /// that user is revoked, so whoever holds the newer one is signed out too (refresh token rotation with reuse
    /// detection, as OAuth 2.0 Security Best Current Practice describes it).
    /// </summary>
    public string? RotateRefreshToken(string? refreshToken)
    {
        if (string.IsNullOrEmpty(refreshToken))
        {
            return null;
        }

        var hash = HashOf(refreshToken);
        lock (_gate)
        {
            if (!_refreshTokens.TryGetValue(hash, out var entry))
            {
                return null;
            }

            if (entry.Used)
            {
                _refreshTokenReuses++;
                foreach (var key in _refreshTokens.Where(t => string.Equals(t.Value.Email, entry.Email, StringComparison.OrdinalIgnoreCase)).Select(t => t.Key).ToList())
                {
                    _refreshTokens.Remove(key);
                }

                return null;
            }

            _refreshTokens[hash] = entry with { Used = true };
            return AddRefreshToken(entry.Email);
        }
    }

    /// <summary>True when an account with <paramref name="email"/> exists.</summary>
    public bool Contains(string email)
    {
        lock (_gate)
        {
            return _users.ContainsKey(email);
        }
    }

    /// <summary>The user whose email and password match, or null; an unknown email costs as much as a wrong password.</summary>
    internal StoredUser? Verify(string? email, string? password)
    {
        var user = email is null ? null : Find(email);
        var matches = (user?.Password ?? _dummy).Matches(password);
        return matches ? user : null;
    }

    internal StoredUser? Find(string email)
    {
        lock (_gate)
        {
            return _users.GetValueOrDefault(email);
        }
    }

    /// <summary>Adds an account; false when the email is taken.</summary>
    internal bool TryAdd(string email, string password, string? name, string? avatar, IReadOnlyList<string> roles)
    {
        // Hash outside the lock: it is deliberately slow.
        var user = new StoredUser(email, PasswordHash.Create(password, _options.PasswordHashIterations), name, avatar, roles);
        lock (_gate)
        {
            return _users.TryAdd(email, user);
        }
    }

    internal void SetPassword(StoredUser user, string password) =>
        user.Password = PasswordHash.Create(password, _options.PasswordHashIterations);

    /// <summary>Puts a new reset code for <paramref name="email"/> into the outbox (nothing when there is no such account).</summary>
    internal void SendResetCode(string email)
    {
        lock (_gate)
        {
            if (!_users.TryGetValue(email, out var user))
            {
                return;
            }

            var message = new PasswordResetMessage(user.Email, Convert.ToHexString(RandomNumberGenerator.GetBytes(16)), _time.GetUtcNow() + _options.ResetCodeLifetime);
            _pendingResets[user.Email] = message;
            _outbox.Add(message);

            // Bounded: anyone can ask for reset codes, so the outbox keeps only the newest messages.
            if (_outbox.Count > OutboxCapacity)
            {
                _outbox.RemoveRange(0, _outbox.Count - OutboxCapacity);
            }
        }
    }

    /// <summary>Sets a new password when <paramref name="code"/> is the latest unexpired code of <paramref name="email"/>; a code works once.</summary>
    internal bool TryResetPassword(string email, string code, string newPassword)
    {
        StoredUser? user;
        lock (_gate)
        {
            if (!_pendingResets.TryGetValue(email, out var pending)
                || _time.GetUtcNow() >= pending.ExpiresAt
                || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(pending.Code), Encoding.UTF8.GetBytes(code))
                || !_users.TryGetValue(email, out user))
            {
                return false;
            }

            _pendingResets.Remove(email);
        }

        SetPassword(user, newPassword);
        return true;
    }

    private static string HashOf(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    // Called under _gate.
    private string AddRefreshToken(string email)
    {
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        _refreshTokens[HashOf(token)] = new RefreshTokenEntry(email, Used: false);
        return token;
    }

    private sealed record RefreshTokenEntry(string Email, bool Used);
}
