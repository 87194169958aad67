namespace RefineSharp;

public sealed partial class AuthManager
{
    private static readonly CheckRequest NoCheckParams = new();
    private static readonly IdentityRequest NoIdentityParams = new();
    private static readonly PermissionsRequest NoPermissionParams = new();

    /// <summary>
    /// Asks whether the user is authenticated (refine's useIsAuthenticated). Cached per parameters and shared by
    /// concurrent callers; a provider that throws, returns null or times out counts as not authenticated.
    /// </summary>
    public ValueTask<CheckResult> CheckAsync(CheckRequest? request = null, CancellationToken cancellationToken = default)
    {
        var provider = RequireProvider();
        if (cancellationToken.IsCancellationRequested)
        {
            return ValueTask.FromCanceled<CheckResult>(cancellationToken);
        }

        var key = QueryKey.For(request, typeof(CheckRequest));
        return key is null && _checks.TryGetFresh(out var cached)
            ? new ValueTask<CheckResult>(cached)
            : LoadCheck(provider, request ?? NoCheckParams, key, cancellationToken);
    }

    /// <summary>
    /// Returns who the user is (refine's useGetIdentity), or null when the provider has no identity, failed or
    /// timed out. Without <see cref="AuthProvider.GetIdentityAsync"/> the provider is not called.
    /// </summary>
    public ValueTask<object?> GetIdentityAsync(IdentityRequest? request = null, CancellationToken cancellationToken = default)
    {
        var provider = RequireProvider();
        if (!provider.Features.HasFlag(AuthFeatures.Identity))
        {
            return default;
        }

        if (cancellationToken.IsCancellationRequested)
        {
            return ValueTask.FromCanceled<object?>(cancellationToken);
        }

        var key = QueryKey.For(request, typeof(IdentityRequest));
        return key is null && _identities.TryGetFresh(out var cached)
            ? new ValueTask<object?>(cached)
            : LoadIdentity(provider, request ?? NoIdentityParams, key, cancellationToken);
    }

    /// <summary>Returns the identity as <typeparamref name="TIdentity"/>; throws when the provider returns another type.</summary>
    public ValueTask<TIdentity?> GetIdentityAsync<TIdentity>(IdentityRequest? request = null, CancellationToken cancellationToken = default)
    {
        var pending = GetIdentityAsync(request, cancellationToken);
        return pending.IsCompletedSuccessfully
            ? new ValueTask<TIdentity?>(As<TIdentity>(pending.Result, "identity"))
            : AwaitAs<TIdentity>(pending, "identity");
    }

    /// <summary>
    /// Returns what the user may do (refine's usePermissions), or null when the provider has no permissions,
    /// failed or timed out. Without <see cref="AuthProvider.GetPermissionsAsync"/> the provider is not called.
    /// </summary>
    public ValueTask<object?> GetPermissionsAsync(PermissionsRequest? request = null, CancellationToken cancellationToken = default)
    {
        var provider = RequireProvider();
        if (!provider.Features.HasFlag(AuthFeatures.Permissions))
        {
            return default;
        }

        if (cancellationToken.IsCancellationRequested)
        {
            return ValueTask.FromCanceled<object?>(cancellationToken);
        }

        var key = QueryKey.For(request, typeof(PermissionsRequest));
        return key is null && _permissions.TryGetFresh(out var cached)
            ? new ValueTask<object?>(cached)
            : LoadPermissions(provider, request ?? NoPermissionParams, key, cancellationToken);
    }

    /// <summary>Returns the permissions as <typeparamref name="TPermissions"/>; throws when the provider returns another type.</summary>
    public ValueTask<TPermissions?> GetPermissionsAsync<TPermissions>(PermissionsRequest? request = null, CancellationToken cancellationToken = default)
    {
        var pending = GetPermissionsAsync(request, cancellationToken);
        return pending.IsCompletedSuccessfully
            ? new ValueTask<TPermissions?>(As<TPermissions>(pending.Result, "permissions"))
            : AwaitAs<TPermissions>(pending, "permissions");
    }

    // The slow paths live in their own methods so that the closures they need are not allocated on a cached read.
    private ValueTask<CheckResult> LoadCheck(AuthProvider provider, CheckRequest request, string? key, CancellationToken cancellationToken)
    {
        Func<Task<QueryAnswer<CheckResult>>> load = () => LoadCheckAsync(provider, request);
        return key == QueryKey.Uncacheable
            ? new ValueTask<CheckResult>(UncachedAsync(load, cancellationToken))
            : _checks.GetAsync(key, load, cancellationToken);
    }

    private ValueTask<object?> LoadIdentity(AuthProvider provider, IdentityRequest request, string? key, CancellationToken cancellationToken) =>
        LoadOptional(_identities, key, nameof(AuthProvider.GetIdentityAsync), t => provider.GetIdentityAsync(request, t), cancellationToken);

    private ValueTask<object?> LoadPermissions(AuthProvider provider, PermissionsRequest request, string? key, CancellationToken cancellationToken) =>
        LoadOptional(_permissions, key, nameof(AuthProvider.GetPermissionsAsync), t => provider.GetPermissionsAsync(request, t), cancellationToken);

    private ValueTask<object?> LoadOptional(
        QueryCache<object?> cache,
        string? key,
        string member,
        Func<CancellationToken, Task<object?>> call,
        CancellationToken cancellationToken)
    {
        Func<Task<QueryAnswer<object?>>> load = () => LoadOptionalAsync(member, call);
        return key == QueryKey.Uncacheable
            ? new ValueTask<object?>(UncachedAsync(load, cancellationToken))
            : cache.GetAsync(key, load, cancellationToken);
    }

    private static async Task<T> UncachedAsync<T>(Func<Task<QueryAnswer<T>>> load, CancellationToken cancellationToken) =>
        (await load().WaitAsync(cancellationToken)).Value;

    private static async ValueTask<T?> AwaitAs<T>(ValueTask<object?> pending, string what) => As<T>(await pending, what);

    private static T? As<T>(object? value, string what) => value switch
    {
        null => default,
        T typed => typed,
        _ => throw new InvalidCastException(
            $"The auth provider returned {what} of type {value.GetType().FullName}, not {typeof(T).FullName}. Ask for the type the provider returns."),
    };

    private async Task<QueryAnswer<CheckResult>> LoadCheckAsync(AuthProvider provider, CheckRequest request)
    {
        var generation = Interlocked.Read(ref _generation);
        var outcome = await _invoker.InvokeAsync(nameof(AuthProvider.CheckAsync), t => provider.CheckAsync(request, t), CancellationToken.None);
        var result = outcome.HasValue ? outcome.Value! : CheckResult.Fail(error: ErrorFor(outcome));
        RecordCheckAnswer(result.Authenticated, generation);
        return new QueryAnswer<CheckResult>(result, outcome.HasValue);
    }

    private async Task<QueryAnswer<object?>> LoadOptionalAsync(string member, Func<CancellationToken, Task<object?>> call)
    {
        var outcome = await _invoker.InvokeAsync(member, call, CancellationToken.None, nullIsAnswer: true);

        // A provider that has no identity for this user may return null: that answer is valid and cached.
        return new QueryAnswer<object?>(outcome.Value, outcome.Kind is ProviderOutcomeKind.Returned or ProviderOutcomeKind.ReturnedNull);
    }

    private void RecordCheckAnswer(bool authenticated, long generation)
    {
        bool changed;
        AuthStatus status;
        lock (_sessionGate)
        {
            // An answer to a question asked before the last login, logout or invalidation is stale: ignore it.
            if (generation != Interlocked.Read(ref _generation))
            {
                return;
            }

            changed = _lastCheckAnswer is { } last && last != authenticated;
            _lastCheckAnswer = authenticated;
            status = authenticated ? AuthStatus.Authenticated : AuthStatus.Unauthenticated;
            _status = status;
        }

        if (changed)
        {
            Raise(AuthChangeReason.CheckChanged, status);
        }
    }

    private AuthError ErrorFor<T>(ProviderOutcome<T> outcome) => outcome.Kind switch
    {
        ProviderOutcomeKind.Threw => ErrorFor(outcome.Exception!),
        ProviderOutcomeKind.TimedOut => new AuthError(
            _texts[TextKeys.TimeoutTitle],
            _texts[TextKeys.TimeoutDescription, _invoker.Timeout.TotalSeconds]),
        _ => new AuthError(_texts[TextKeys.InvalidResultTitle], _texts[TextKeys.InvalidResultDescription]),
    };

    /// <summary>
    /// The error users read for <paramref name="exception"/>: a generic localized text, or (only with
    /// <see cref="RefineOptions.ShowErrorDetails"/>, for Development) its type and message. The caller logs the details.
    /// </summary>
    internal AuthError ErrorFor(Exception exception) =>
        _options.ShowErrorDetails
            ? AuthError.FromException(exception, includeDetails: true)
            : new AuthError(_texts[TextKeys.UnexpectedTitle], _texts[TextKeys.UnexpectedDescription]);
}
