using RefineSharp.Providers.AspNetIdentity.Http;
using RefineSharp.Tokens;

namespace RefineSharp.Providers.AspNetIdentity;

public sealed partial class AspNetIdentityAuthProvider
{
    // The account last read from /manage/info, with the access token that read it (proof the server accepted that token).
    private AccountSnapshot? _account;

    // The roles last read with the current access token since the last check: a page's identity and permissions loads
    // share one roles call. Dropped at every check, login and logout, and useless once a refresh changed the token, so
    // a role change shows at the next check or refresh (a refresh also re-validates Identity's security stamp).
    private RolesSnapshot? _roles;

    /// <summary>Returns the signed-in user as a <see cref="UserIdentity"/> built from /manage/info (and the roles endpoint), or null.</summary>
    public override async Task<object?> GetIdentityAsync(IdentityRequest request, CancellationToken cancellationToken = default)
    {
        var info = await LoadAccountAsync(cancellationToken);
        if (!info.IsOk || string.IsNullOrEmpty(info.Value!.Email))
        {
            return null;
        }

        var email = info.Value.Email;
        var roles = await LoadRolesAsync(cancellationToken);

        // Name and avatar from the profile endpoint when it has them; the email and the initials avatar otherwise.
        var profile = await LoadProfileAsync(cancellationToken);
        return new UserIdentity
        {
            Id = email,
            Name = string.IsNullOrEmpty(profile?.Name) ? email : profile.Name,
            Email = email,
            Avatar = string.IsNullOrEmpty(profile?.Avatar) ? _options.AvatarUrl(email) : profile.Avatar,
            Roles = roles ?? [],
            Claims = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["email_verified"] = info.Value.IsEmailConfirmed ? "true" : "false",
            },
        };
    }

    /// <summary>Returns the user's roles (a read-only list of strings) from <see cref="AspNetIdentityAuthOptions.PermissionsEndpoint"/>, or null.</summary>
    public override async Task<object?> GetPermissionsAsync(PermissionsRequest request, CancellationToken cancellationToken = default) =>
        await LoadRolesAsync(cancellationToken);

    private async Task<IReadOnlyList<string>?> LoadRolesAsync(CancellationToken cancellationToken)
    {
        if (_options.PermissionsEndpoint is not { } endpoint)
        {
            return null;
        }

        var tokens = await _tokens.GetValidTokenAsync(cancellationToken);
        if (tokens is null)
        {
            return null;
        }

        var known = Volatile.Read(ref _roles);
        if (known is not null && known.IsFor(tokens))
        {
            // Shared with the load that started it (identity and permissions often load at the same time). It gives
            // null only when that load failed or was cancelled: then this caller asks on its own.
            return await known.Roles.Task.WaitAsync(cancellationToken) ?? await FetchRolesAsync(endpoint, cancellationToken);
        }

        var load = new RolesSnapshot(tokens.AccessToken);
        if (Interlocked.CompareExchange(ref _roles, load, known) != known)
        {
            // Another load started at the same moment: ask on its own rather than wait in a loop.
            return await FetchRolesAsync(endpoint, cancellationToken);
        }

        IReadOnlyList<string>? roles = null;
        try
        {
            roles = await FetchRolesAsync(endpoint, cancellationToken);
            return roles;
        }
        finally
        {
            if (roles is null)
            {
                // A failure is not kept: the next load asks again.
                Interlocked.CompareExchange(ref _roles, null, load);
            }

            load.Roles.TrySetResult(roles);
        }
    }

    private async Task<IReadOnlyList<string>?> FetchRolesAsync(string endpoint, CancellationToken cancellationToken)
    {
        var response = await _api.SendAuthorizedAsync<string[]>(HttpMethod.Get, endpoint, null, _tokens, cancellationToken);
        return response.IsOk ? Array.AsReadOnly(response.Value!) : null;
    }

    /// <summary>Reads /manage/info with the current (refreshed if need be) token, reusing the last answer for the same token.</summary>
    private async Task<ApiResponse<InfoResponse>> LoadAccountAsync(CancellationToken cancellationToken)
    {
        var tokens = await _tokens.GetValidTokenAsync(cancellationToken);
        if (tokens is null)
        {
            return new(ApiOutcome.Failed, null, System.Net.HttpStatusCode.Unauthorized, null);
        }

        if (Volatile.Read(ref _account) is { Info: { } cached } account && account.IsFor(tokens))
        {
            return new(ApiOutcome.Ok, cached, System.Net.HttpStatusCode.OK, null);
        }

        var response = await _api.SendAuthorizedAsync<InfoResponse>(HttpMethod.Get, _options.InfoEndpoint, null, _tokens, cancellationToken);
        if (response.IsOk && await _tokens.Store.GetAsync(cancellationToken) is { } used)
        {
            // The handler may have refreshed on the way: the token that got the answer is the one now stored.
            Volatile.Write(ref _account, new AccountSnapshot(used.AccessToken, response.Value));
        }

        return response;
    }

    private bool IsVerified(TokenSet tokens) => Volatile.Read(ref _account) is { } account && account.IsFor(tokens);

    private void MarkVerified(TokenSet tokens) => Volatile.Write(ref _account, new AccountSnapshot(tokens.AccessToken, null));

    private void ForgetAccount()
    {
        Volatile.Write(ref _account, null);
        ForgetRoles();
    }

    private void ForgetRoles() => Volatile.Write(ref _roles, null);

    private sealed record RolesSnapshot(string AccessToken)
    {
        // Completed by the load that created the snapshot; runs continuations asynchronously so no waiter runs inside it.
        public TaskCompletionSource<IReadOnlyList<string>?> Roles { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public bool IsFor(TokenSet tokens) => string.Equals(AccessToken, tokens.AccessToken, StringComparison.Ordinal);

        // Keeps the token out of any accidental log or debugger display of the snapshot.
        public override string ToString() => "RolesSnapshot { AccessToken = *** }";
    }

    private sealed record AccountSnapshot(string AccessToken, InfoResponse? Info)
    {
        public bool IsFor(TokenSet tokens) => string.Equals(AccessToken, tokens.AccessToken, StringComparison.Ordinal);

        // Keeps the token out of any accidental log or debugger display of the snapshot.
        public override string ToString() => "AccountSnapshot { AccessToken = *** }";
    }
}
