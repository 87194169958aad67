namespace RefineSharp.Blazor;

/// <summary>
/// refine's usePermissions as a component: <c>&lt;AuthPermissions TPermissions="IReadOnlyList&lt;string&gt;" Context="p"&gt;...&lt;/AuthPermissions&gt;</c>.
/// Shows the permissions of the shared auth-state snapshot, so they change in the same render as the guards (null when signed out).
/// </summary>
/// <typeparam name="TPermissions">The type the provider's GetPermissionsAsync returns.</typeparam>
public sealed class AuthPermissions<TPermissions> : AuthQueryView<TPermissions>
{
    /// <inheritdoc />
    protected override TPermissions? Select(RefineAuthState state) => As(state.Permissions);

    /// <inheritdoc />
    protected override ValueTask<TPermissions?> LoadAsync(CancellationToken cancellationToken) =>
        Auth.GetPermissionsAsync<TPermissions>(Params is null ? null : new PermissionsRequest { Extra = Params }, cancellationToken);

    private static TPermissions? As(object? value) => value switch
    {
        null => default,
        TPermissions typed => typed,
        _ => throw new InvalidCastException(
            $"The auth provider returned permissions of type {value.GetType().FullName}, not {typeof(TPermissions).FullName}. Ask for the type the provider returns."),
    };
}
