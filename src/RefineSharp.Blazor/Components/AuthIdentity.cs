namespace RefineSharp.Blazor;

/// <summary>
/// refine's useGetIdentity as a component: <c>&lt;AuthIdentity TIdentity="UserIdentity" Context="me"&gt;@me?.Name&lt;/AuthIdentity&gt;</c>.
/// Re-renders after login, logout and every other auth state change.
/// </summary>
/// <typeparam name="TIdentity">The type the provider's GetIdentityAsync returns.</typeparam>
public sealed class AuthIdentity<TIdentity> : AuthQueryView<TIdentity>
{
    /// <inheritdoc />
    protected override ValueTask<TIdentity?> LoadAsync(CancellationToken cancellationToken) =>
        Auth.GetIdentityAsync<TIdentity>(Params is null ? null : new IdentityRequest { Extra = Params }, cancellationToken);
}
