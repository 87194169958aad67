namespace RefineSharp.Blazor;

/// <summary>
/// What the app knows about the user at one moment: the check's answer, the identity and the permissions
/// (refine's useIsAuthenticated, useGetIdentity and usePermissions in one value). Cascaded to every component by
/// <c>AddBlazor()</c>: declare <c>[CascadingParameter] public RefineAuthState? Auth { get; set; }</c>.
/// </summary>
public sealed record RefineAuthState
{
    /// <summary>The state before anything is known (prerendering, or while the first check runs).</summary>
    public static RefineAuthState Unknown { get; } = new();

    /// <summary>
    /// Which auth state change this snapshot answers: 0 for <see cref="Unknown"/>, then a number that grows with every
    /// change (login, logout, register, invalidation, a check answering differently) in this circuit or browser app.
    /// A newer snapshot always has a higher version; consumers ignore one that is not newer than what they show.
    /// </summary>
    public long Version { get; init; }

    /// <summary>Whether the user is authenticated, not, or not known yet.</summary>
    public AuthStatus Status { get; init; }

    /// <summary>The check's full answer (redirect, logout, error), or null while unknown.</summary>
    public CheckResult? Check { get; init; }

    /// <summary>Who the user is, as the provider returned it (null when not authenticated or not provided).</summary>
    public object? Identity { get; init; }

    /// <summary>What the user may do, as the provider returned it (null when not authenticated or not provided).</summary>
    public object? Permissions { get; init; }

    /// <summary>
    /// The path the engine navigates to right after the change this snapshot answers (a login, logout or register
    /// with a redirect), or null; guards then skip their own redirect so the two navigations never race.
    /// </summary>
    internal string? RedirectingTo { get; init; }

    /// <summary>True when the last check said the user is authenticated.</summary>
    public bool IsAuthenticated => Status == AuthStatus.Authenticated;

    /// <summary>True while the state is not known yet.</summary>
    public bool IsLoading => Status == AuthStatus.Unknown;

    /// <summary>The identity as <typeparamref name="TIdentity"/>, or default when it is absent or of another type.</summary>
    public TIdentity? GetIdentity<TIdentity>() => Identity is TIdentity typed ? typed : default;

    /// <summary>The permissions as <typeparamref name="TPermissions"/>, or default when absent or of another type.</summary>
    public TPermissions? GetPermissions<TPermissions>() => Permissions is TPermissions typed ? typed : default;

    /// <summary>True when the permissions are a list of strings that contains <paramref name="permission"/> (ordinal).</summary>
    public bool HasPermission(string permission) =>
        Permissions is IEnumerable<string> list && list.Contains(permission, StringComparer.Ordinal);
}
