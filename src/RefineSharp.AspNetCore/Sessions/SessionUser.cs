using System.Security.Claims;
using Microsoft.AspNetCore.Http;

namespace RefineSharp.AspNetCore.Sessions;

/// <summary>
/// The principal of the session cookie for this DI scope: the HTTP request's user when this scope serves a request
/// (a page, a form post, an endpoint), or in an interactive circuit the user that the host captured when the circuit
/// connected (handed over by <see cref="SessionAuthenticationStateProvider"/>).
/// </summary>
internal sealed class SessionUser
{
    // How long a circuit's first question waits for the host to hand over the user. The host does it right after it
    // creates the circuit's services; the wait only covers work those services start in their constructors.
    private static readonly TimeSpan HostHandOver = TimeSpan.FromSeconds(10);

    private readonly TaskCompletionSource<ClaimsPrincipal> _host = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly HttpContext? _request;
    private readonly ClaimsPrincipal? _requestUser;

    public SessionUser(IHttpContextAccessor accessor, IServiceProvider scope)
    {
        // Taken once, while this scope's request is live: work that outlives the request (a background state load
        // after a prerender) must not read a context the server has already recycled. The accessor also answers
        // inside a circuit (with the connection's request); only a request whose services are this scope is ours.
        if (accessor.HttpContext is { } context && ReferenceEquals(context.RequestServices, scope))
        {
            _request = context;
            _requestUser = context.User;
        }
    }

    /// <summary>Whether this scope serves one HTTP request (a page, a form post, an endpoint) rather than a circuit.</summary>
    public bool ServesRequest => _request is not null;

    /// <summary>This scope's HTTP request while its response can still set cookies; null in a circuit or once the request ended.</summary>
    public HttpContext? WritableHttpContext
    {
        get
        {
            try
            {
                return _request is { RequestAborted.IsCancellationRequested: false, Response.HasStarted: false } ? _request : null;
            }
            catch (ObjectDisposedException)
            {
                return null;
            }
        }
    }

    /// <summary>The scope's session principal; in a circuit, waits (bounded) for the host to hand it over. Null when there is none.</summary>
    public async ValueTask<ClaimsPrincipal?> GetPrincipalAsync(CancellationToken cancellationToken)
    {
        if (_request is not null)
        {
            return _requestUser;
        }

        if (_host.Task.IsCompleted)
        {
            return _host.Task.Result;
        }

        try
        {
            return await _host.Task.WaitAsync(HostHandOver, cancellationToken);
        }
        catch (TimeoutException)
        {
            // No request and no host principal (a background scope): no session. Fail closed.
            return null;
        }
    }

    /// <summary>Sets the principal that the host gave this scope (circuit start or prerender).</summary>
    public void SetHostPrincipal(ClaimsPrincipal principal) => _host.TrySetResult(principal);
}
