using System.Net;
using RefineSharp.IdentityServer.Hosting;

namespace RefineSharp.IdentityServer.Endpoints;

/// <summary>
/// <c>PUT /testing/faults</c>: the tests switch <see cref="IdpFaults"/> at run time. Mapped only when
/// <c>Idp:Faults:Enabled</c> is true (never in Production), and answers loopback callers only.
/// </summary>
internal static class FaultEndpoints
{
    public static void MapFaults(this IEndpointRouteBuilder app) => app.MapPut("/testing/faults", (HttpContext http, FaultRequest request, IdpFaults faults) =>
    {
        if (http.Connection.RemoteIpAddress is not { } remote || !IPAddress.IsLoopback(remote))
        {
            return Results.NotFound();
        }

        Uri? issuer = null;
        if (!string.IsNullOrEmpty(request.Issuer) && !Uri.TryCreate(request.Issuer, UriKind.Absolute, out issuer))
        {
            return Results.BadRequest("issuer must be an absolute URL");
        }

        faults.Set(request.WrongNonce, issuer, request.ClockOffset);
        return Results.NoContent();
    });

    /// <summary>The faults to apply from now on (anything left out is off).</summary>
    internal sealed record FaultRequest(bool WrongNonce = false, string? Issuer = null, TimeSpan ClockOffset = default);
}
