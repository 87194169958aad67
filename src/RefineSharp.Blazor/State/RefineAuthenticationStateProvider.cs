using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Options;

namespace RefineSharp.Blazor;

/// <summary>
/// Makes <c>AuthorizeView</c>, <c>AuthorizeRouteView</c> and <c>[Authorize]</c> follow the auth provider: it maps the
/// snapshot of <see cref="RefineAuthStateSource"/> to a principal (authentication type "RefineSharp") whose claims come
/// from the identity and the permissions (<see cref="RefineBlazorOptions.ClaimsFactory"/>). It asks the provider
/// nothing itself. Anonymous while not authenticated and while the state is unknown (prerendering); every newer
/// snapshot is passed on to the components.
/// </summary>
public sealed class RefineAuthenticationStateProvider : AuthenticationStateProvider, IDisposable
{
    /// <summary>The authentication type of the principals this provider builds.</summary>
    public const string AuthenticationType = "RefineSharp";

    private static readonly Task<AuthenticationState> Anonymous =
        Task.FromResult(new AuthenticationState(new ClaimsPrincipal(new ClaimsIdentity())));

    private readonly RefineAuthStateSource _source;
    private readonly Func<object?, object?, IEnumerable<Claim>> _claims;
    private readonly Lock _gate = new();
    private Mapped? _last;
    private long _notified;

    internal RefineAuthenticationStateProvider(RefineAuthStateSource source, IOptions<RefineBlazorOptions> options)
    {
        _source = source;
        _claims = options.Value.ClaimsFactory ?? DefaultClaims.Create;
        _source.Changed += OnChanged;
    }

    /// <inheritdoc />
    public override async Task<AuthenticationState> GetAuthenticationStateAsync() =>
        await Map(await _source.GetStateAsync());

    /// <summary>Stops following the auth state.</summary>
    public void Dispose() => _source.Changed -= OnChanged;

    /// <summary>
    /// The authentication state of <paramref name="state"/>: the same task for the same snapshot, so every consumer of
    /// one snapshot sees one principal.
    /// </summary>
    internal Task<AuthenticationState> Map(RefineAuthState state)
    {
        if (!state.IsAuthenticated)
        {
            return Anonymous;
        }

        var last = Volatile.Read(ref _last);
        if (last is not null && ReferenceEquals(last.State, state))
        {
            return last.Task;
        }

        var identity = new ClaimsIdentity(_claims(state.Identity, state.Permissions), AuthenticationType, ClaimTypes.Name, ClaimTypes.Role);
        var mapped = new Mapped(state, Task.FromResult(new AuthenticationState(new ClaimsPrincipal(identity))));
        Volatile.Write(ref _last, mapped);
        return mapped.Task;
    }

    private void OnChanged(object? sender, RefineAuthState state)
    {
        lock (_gate)
        {
            // Raises from two threads may come out of order: pass on only a snapshot newer than the last one passed on.
            var current = _source.Current;
            if (current.Version <= _notified)
            {
                return;
            }

            _notified = current.Version;
            NotifyAuthenticationStateChanged(Map(current));
        }
    }

    private sealed record Mapped(RefineAuthState State, Task<AuthenticationState> Task);
}
