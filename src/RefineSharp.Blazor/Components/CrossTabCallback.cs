using Microsoft.Extensions.Logging;
using Microsoft.JSInterop;

namespace RefineSharp.Blazor;

/// <summary>The .NET object refine-sync.js calls when another tab reports a sign-in change.</summary>
internal sealed class CrossTabCallback : IDisposable
{
    private readonly AuthManager _auth;
    private readonly ILogger _logger;

    public CrossTabCallback(AuthManager auth, ILogger logger)
    {
        _auth = auth;
        _logger = logger;
        Reference = DotNetObjectReference.Create(this);
    }

    public DotNetObjectReference<CrossTabCallback> Reference { get; }

    /// <summary>Called from JavaScript: another tab logged in or out, or changed the stored tokens.</summary>
    [JSInvokable]
    public void OnRemoteChange(string reason)
    {
        BlazorLog.RemoteChange(_logger, reason.Length > 40 ? reason[..40] : reason);
        _auth.InvalidateAuthStore();
    }

    public void Dispose() => Reference.Dispose();
}
