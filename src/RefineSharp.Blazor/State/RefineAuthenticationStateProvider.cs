using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Options;

namespace RefineSharp.Blazor;

/// <summary>
/// Makes <c>AuthorizeView</c>, <c>AuthorizeRouteView</c> and <c>[Authorize]</c> follow the auth provider: an
/// authenticated check becomes a principal (authentication type "RefineSharp") whose claims come from the identity
/// and the permissions (<see cref="RefineBlazorOptions.ClaimsFactory"/>). Anonymous while not authenticated and
/// during prerendering; every auth state change is passed on to the components.
/// </summary>
public sealed class RefineAuthenticationStateProvider : AuthenticationStateProvider, IDisposable
{
    /// <summary>The authentication type of the principals this provider builds.</summary>
    public const string AuthenticationType = "RefineSharp";

    private static readonly AuthenticationState Anonymous = new(new ClaimsPrincipal(new ClaimsIdentity()));

    private readonly RefineAuthStateSource _source;
    private readonly Func<object?, object?, IEnumerable<Claim>> _claims;

    internal RefineAuthenticationStateProvider(RefineAuthStateSource source, IOptions<RefineBlazorOptions> options)
    {
        _source = source;
        _claims = options.Value.ClaimsFactory ?? DefaultClaims.Create;
        _source.Changed += OnChanged;
    }

    /// <inheritdoc />
    public override async Task<AuthenticationState> GetAuthenticationStateAsync() =>
        ToAuthenticationState(await _source.GetStateAsync());

    /// <summary>Stops following the auth state.</summary>
    public void Dispose() => _source.Changed -= OnChanged;

    private void OnChanged(object? sender, RefineAuthState state) =>
        NotifyAuthenticationStateChanged(Task.FromResult(ToAuthenticationState(state)));

    private AuthenticationState ToAuthenticationState(RefineAuthState state)
    {
        if (!state.IsAuthenticated)
        {
            return Anonymous;
        }

        var identity = new ClaimsIdentity(_claims(state.Identity, state.Permissions), AuthenticationType, ClaimTypes.Name, ClaimTypes.Role);
        return new AuthenticationState(new ClaimsPrincipal(identity));
    }
}
