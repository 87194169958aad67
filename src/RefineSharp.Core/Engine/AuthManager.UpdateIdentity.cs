namespace RefineSharp;

public sealed partial class AuthManager
{
    /// <summary>
    /// Changes the signed-in user's profile (refine's useUpdateIdentity). The current URL's query parameters are merged
    /// into <see cref="AuthRequest.Extra"/> (the request's own values win); the provider's RedirectTo is followed
    /// (replace) whatever the outcome; notifications use the keys <c>update-identity-error</c> and
    /// <c>update-identity-success</c>. On success the cached identity is forgotten and <see cref="AuthStateChanged"/>
    /// is raised (<see cref="AuthChangeReason.IdentityUpdated"/>), so every identity view loads the new values; the
    /// cached check and permissions are kept (the session goes on).
    /// </summary>
    public async Task<AuthActionResult> UpdateIdentityAsync(UpdateIdentityRequest? request = null, CancellationToken cancellationToken = default)
    {
        var provider = RequireProvider();
        if (!provider.Features.HasFlag(AuthFeatures.UpdateIdentity))
        {
            return NotSupported(AuthAction.UpdateIdentity, nameof(AuthProvider.UpdateIdentityAsync));
        }

        var merged = MergeUrlParameters(request ?? new UpdateIdentityRequest());
        var (result, completed) = await RunAsync(nameof(AuthProvider.UpdateIdentityAsync), t => provider.UpdateIdentityAsync(merged, t), cancellationToken);
        if (completed)
        {
            var target = Validated(result.RedirectTo, "UpdateIdentityAsync RedirectTo");
            if (result.Success)
            {
                ForgetIdentity(target);
            }

            Navigate(target, NavigationKind.Replace);
        }

        Notify(AuthAction.UpdateIdentity, result);
        return result;
    }

    /// <summary>Forgets only the cached identity (the check and permissions still hold) and tells every listener.</summary>
    private void ForgetIdentity(string? redirectingTo)
    {
        _identities.Clear();
        Raise(AuthChangeReason.IdentityUpdated, _status, redirectingTo);
    }

    /// <summary>Adds the current URL's query parameters to <see cref="AuthRequest.Extra"/>; values already there win.</summary>
    private TRequest MergeUrlParameters<TRequest>(TRequest request)
        where TRequest : AuthRequest
    {
        var fromUrl = QueryString.Parse(SafeCurrentUri());
        if (fromUrl.Count == 0)
        {
            return request;
        }

        var merged = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (key, value) in fromUrl)
        {
            merged[key] = value;
        }

        foreach (var (key, value) in request.Extra)
        {
            merged[key] = value;
        }

        return request with { Extra = merged };
    }
}
