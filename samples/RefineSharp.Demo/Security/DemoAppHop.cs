using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace RefineSharp.Demo.Security;

/// <summary>
/// Tells this app's own server-side calls (the Blazor circuits calling the Identity API over loopback) from every
/// other request. Every circuit of every user calls from 127.0.0.1, so a per-IP rate limit would put all users into
/// one bucket and one busy minute would lock everybody out. The circuits' HttpClient therefore sends a random secret
/// made at start (never configured, never logged, never leaves the process but for the loopback hop); a request is
/// the app's own only when it both comes from a loopback address and carries that secret. Such requests are limited
/// per account only; anything else (a browser, a script, another process on the same machine) is limited per account
/// and per client IP. A spoofed header from outside does not match the secret, so it gains nothing.
/// </summary>
public sealed class DemoAppHop
{
    /// <summary>The request header that carries the secret.</summary>
    public const string HeaderName = "X-RefineSharp-Demo-Hop";

    private readonly byte[] _secret = Encoding.ASCII.GetBytes(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));

    /// <summary>The header value the app's own HttpClient sends.</summary>
    public string Value => Encoding.ASCII.GetString(_secret);

    /// <summary>True when <paramref name="context"/> came over loopback with the secret.</summary>
    public bool IsOwnCall(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Connection.RemoteIpAddress is not { } ip || !IPAddress.IsLoopback(ip))
        {
            return false;
        }

        var sent = context.Request.Headers[HeaderName];
        return sent.Count == 1 && sent[0] is { } value
            && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(value), _secret);
    }
}
