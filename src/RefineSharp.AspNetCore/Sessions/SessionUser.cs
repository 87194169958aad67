using System.Security.Claims;
using Microsoft.AspNetCore.Http;

namespace RefineSharp.AspNetCore.Sessions;

/// <summary>
/// The principal of the session cookie for this DI scope: the HTTP request's user when this scope serves a request
/// (a page, a form post, an endpoint), or in an interactive circuit the user that the host captured when the circuit
/// connected (handed over by <see cref="SessionAuthenticationStateProvider"/>).
/// </summary>
internal sealed class SessionUser(IHttpContextAccessor accessor, IServiceProvider scope)
{
    private ClaimsPrincipal? _host;

    /// <summary>The scope's session principal, or null when there is none.</summary>
    public ClaimsPrincipal? Principal => Request?.User ?? _host;

    /// <summary>This scope's HTTP request while its response can still set cookies; null in a circuit.</summary>
    public HttpContext? WritableHttpContext => Request is { Response.HasStarted: false } context ? context : null;

    // The accessor also answers inside a circuit (with the connection's request); only a request whose services are
    // this very scope is ours.
    private HttpContext? Request => accessor.HttpContext is { } context && ReferenceEquals(context.RequestServices, scope) ? context : null;

    /// <summary>Sets the principal that the host gave this scope (circuit start or prerender).</summary>
    public void SetHostPrincipal(ClaimsPrincipal principal) => _host = principal;
}
