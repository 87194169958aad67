using System.Security.Claims;
using Microsoft.AspNetCore.Http;

namespace RefineSharp.AspNetCore.Sessions;

/// <summary>
/// The principal of the session cookie for this DI scope: the HTTP request's user, or in an interactive circuit the
/// user that the host captured when the circuit connected (handed over by <see cref="SessionAuthenticationStateProvider"/>).
/// </summary>
internal sealed class SessionUser(IHttpContextAccessor http)
{
    private ClaimsPrincipal? _host;

    /// <summary>The scope's session principal, or null when there is none.</summary>
    public ClaimsPrincipal? Principal => _host ?? http.HttpContext?.User;

    /// <summary>The HTTP context of this scope when it is a live request whose response can still set cookies.</summary>
    public HttpContext? WritableHttpContext => http.HttpContext is { Response.HasStarted: false } context && _host is null ? context : null;

    /// <summary>Sets the principal that the host gave this scope (circuit start or prerender).</summary>
    public void SetHostPrincipal(ClaimsPrincipal principal) => _host = principal;
}
