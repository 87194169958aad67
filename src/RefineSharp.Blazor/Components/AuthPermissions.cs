namespace RefineSharp.Blazor;

/// <summary>
/// refine's usePermissions as a component: <c>&lt;AuthPermissions TPermissions="IReadOnlyList&lt;string&gt;" Context="p"&gt;...&lt;/AuthPermissions&gt;</c>.
/// Re-renders after login, logout and every other auth state change.
/// </summary>
/// <typeparam name="TPermissions">The type the provider's GetPermissionsAsync returns.</typeparam>
public sealed class AuthPermissions<TPermissions> : AuthQueryView<TPermissions>
{
    /// <inheritdoc />
    protected override ValueTask<TPermissions?> LoadAsync(CancellationToken cancellationToken) =>
        Auth.GetPermissionsAsync<TPermissions>(Params is null ? null : new PermissionsRequest { Extra = Params }, cancellationToken);
}
