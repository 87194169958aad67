using System.Security.Cryptography;
using RefineSharp.Providers.InMemory;
using RefineSharp.WasmDemo.Client;

namespace RefineSharp.WasmDemo;

/// <summary>
/// Development only: a token endpoint with rotating refresh tokens and reuse detection (the in-memory store's), for
/// the two-tab refresh test of /dev/refresh-race. A test can hold refresh requests at a gate until every tab has
/// asked, so "both tabs refresh at once" is arranged, not hoped for.
/// </summary>
internal sealed class RefreshHarness
{
    private readonly Lock _gate = new();
    private TaskCompletionSource _open = NewOpenGate();
    private int _arrivals;
    private int _refreshed;
    private int _reusesBefore;

    /// <summary>Maps the harness under /dev/refresh-tokens.</summary>
    public static void Map(WebApplication app)
    {
        var harness = new RefreshHarness();
        var group = app.MapGroup("/dev/refresh-tokens");
        group.MapPost("/issue", (InMemoryUserStore store) => Results.Json(Issue(store.IssueRefreshToken(WasmDemoUsers.AdminEmail)!)));
        group.MapPost("/refresh", async (RefreshBody body, InMemoryUserStore store, CancellationToken cancellationToken) =>
        {
            Interlocked.Increment(ref harness._arrivals);
            await harness.GateAsync().WaitAsync(cancellationToken);
            var rotated = store.RotateRefreshToken(body.RefreshToken);
            if (rotated is null)
            {
                return Results.Unauthorized();
            }

            Interlocked.Increment(ref harness._refreshed);
            return Results.Json(Issue(rotated));
        });
        group.MapGet("/stats", (InMemoryUserStore store) => Results.Json(new
        {
            arrivals = Volatile.Read(ref harness._arrivals),
            refreshed = Volatile.Read(ref harness._refreshed),
            reuses = store.RefreshTokenReuseCount - Volatile.Read(ref harness._reusesBefore),
        }));
        group.MapPost("/hold", (InMemoryUserStore store) =>
        {
            harness.Hold(store.RefreshTokenReuseCount);
            return Results.NoContent();
        });
        group.MapPost("/release", () =>
        {
            harness.Release();
            return Results.NoContent();
        });
    }

    private static TaskCompletionSource NewOpenGate()
    {
        var open = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        open.SetResult();
        return open;
    }

    private static TokenBody Issue(string refreshToken) =>
        new("access-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(12)), refreshToken);

    private Task GateAsync()
    {
        lock (_gate)
        {
            return _open.Task;
        }
    }

    // Closes the gate and starts counting arrivals, refreshes and reuses afresh.
    private void Hold(int reusesSoFar)
    {
        lock (_gate)
        {
            Volatile.Write(ref _reusesBefore, reusesSoFar);
            Interlocked.Exchange(ref _arrivals, 0);
            Interlocked.Exchange(ref _refreshed, 0);
            if (_open.Task.IsCompleted)
            {
                _open = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }
    }

    private void Release()
    {
        lock (_gate)
        {
            _open.TrySetResult();
        }
    }

    /// <summary>The refresh request.</summary>
    internal sealed record RefreshBody(string? RefreshToken);

    /// <summary>The token response (camelCase JSON, like the client expects).</summary>
    internal sealed record TokenBody(string AccessToken, string RefreshToken);
}
