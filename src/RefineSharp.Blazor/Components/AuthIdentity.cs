namespace RefineSharp.Blazor;

/// <summary>
/// refine's useGetIdentity as a component: <c>&lt;AuthIdentity TIdentity="UserIdentity" Context="me"&gt;@me?.Name&lt;/AuthIdentity&gt;</c>.
/// Shows the identity of the shared auth-state snapshot, so it changes in the same render as the guards (null when signed out).
/// </summary>
/// <typeparam name="TIdentity">The type the provider's GetIdentityAsync returns.</typeparam>
public sealed class AuthIdentity<TIdentity> : AuthQueryView<TIdentity>
{
    /// <inheritdoc />
    protected override TIdentity? Select(RefineAuthState state) => As(state.Identity);

    /// <inheritdoc />
    protected override ValueTask<TIdentity?> LoadAsync(CancellationToken cancellationToken) =>
        Auth.GetIdentityAsync<TIdentity>(Params is null ? null : new IdentityRequest { Extra = Params }, cancellationToken);

    private static TIdentity? As(object? value) => value switch
    {
        null => default,
        TIdentity typed => typed,
        _ => throw new InvalidCastException(
            $"The auth provider returned identity of type {value.GetType().FullName}, not {typeof(TIdentity).FullName}. Ask for the type the provider returns."),
    };
}
