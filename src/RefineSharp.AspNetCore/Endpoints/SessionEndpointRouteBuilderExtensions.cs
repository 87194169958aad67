using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using RefineSharp;
using RefineSharp.AspNetCore.Endpoints;
using RefineSharp.AspNetCore.Sessions;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps the session endpoints that a hosted WebAssembly client's <c>HostSessionAuthProvider</c> calls.</summary>
public static class SessionEndpointRouteBuilderExtensions
{
    /// <summary>The header every session endpoint requires (CSRF: a cross-site form or image cannot set it).</summary>
    public const string CsrfHeader = "X-Refine-Session";

    /// <summary>
    /// Maps POST login, logout, register, forgot-password, update-password and on-error, and GET check, identity and
    /// permissions under <paramref name="prefix"/> (default "/_refine/session"). Each runs the app's
    /// <see cref="AuthProvider"/> on the server in the request's scope, so sign-in and sign-out set the session cookie;
    /// the client's engine keeps refine's semantics (validated redirects, notifications). Every call must carry the
    /// <see cref="CsrfHeader"/> header and come from this site; a provider that throws answers a generic 503.
    /// </summary>
    public static RouteGroupBuilder MapRefineSessionEndpoints(this IEndpointRouteBuilder endpoints, string prefix = "/_refine/session")
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentException.ThrowIfNullOrEmpty(prefix);
        var group = endpoints.MapGroup(prefix);
        group.AddEndpointFilter(SessionEndpointFilter.InvokeAsync);

        group.MapPost("/login", (HttpContext http, LoginRequest request, AuthProvider provider) =>
        {
            SessionSignIn.SetRememberMe(http, request.Remember);
            return provider.LoginAsync(request, http.RequestAborted);
        });
        group.MapPost("/logout", (HttpContext http, LogoutRequest request, AuthProvider provider) => provider.LogoutAsync(request, http.RequestAborted));
        group.MapPost("/register", (HttpContext http, RegisterRequest request, AuthProvider provider) => provider.RegisterAsync(request, http.RequestAborted));
        group.MapPost("/forgot-password", (HttpContext http, ForgotPasswordRequest request, AuthProvider provider) => provider.ForgotPasswordAsync(request, http.RequestAborted));
        group.MapPost("/update-password", (HttpContext http, UpdatePasswordRequest request, AuthProvider provider) => provider.UpdatePasswordAsync(request, http.RequestAborted));
        group.MapPost("/on-error", (HttpContext http, OnErrorRequest request, AuthProvider provider) => provider.OnErrorAsync(request, http.RequestAborted));
        group.MapGet("/check", (HttpContext http, AuthProvider provider) => provider.CheckAsync(new CheckRequest(), http.RequestAborted));
        group.MapGet("/identity", async (HttpContext http, AuthProvider provider) =>
            await provider.GetIdentityAsync(new IdentityRequest(), http.RequestAborted) is { } identity ? Results.Json(identity) : Results.NoContent());
        group.MapGet("/permissions", async (HttpContext http, AuthProvider provider) =>
            await provider.GetPermissionsAsync(new PermissionsRequest(), http.RequestAborted) is { } permissions ? Results.Json(permissions) : Results.NoContent());
        return group;
    }
}
