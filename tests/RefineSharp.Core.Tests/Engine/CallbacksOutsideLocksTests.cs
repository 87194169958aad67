using System.Reflection;
using RefineSharp.Tests.TestDoubles;

namespace RefineSharp.Tests.Engine;

/// <summary>
/// No provider, navigator or AuthStateChanged handler code runs while the engine holds one of its locks (a slow or
/// re-entrant callback under a lock stalls or deadlocks every other caller). Each callback looks at every
/// <see cref="Lock"/> the engine and its caches own and records whether the calling thread holds it.
/// </summary>
public sealed class CallbacksOutsideLocksTests
{
    private readonly FakeAuthProvider _provider = new();
    private readonly List<string> _heldIn = [];
    private int _callbacks;

    [Fact]
    public async Task EveryAction_CallbacksRun_NoEngineLockHeld()
    {
        await using var host = AuthTestHost.For(_provider, o => o.ReturnToPageAfterSessionEnds = false);
        var locks = EngineLocks(host.Manager);
        Assert.True(locks.Count >= 4, "expected the session gate and the three query caches' gates");
        void Probe(string where)
        {
            Interlocked.Increment(ref _callbacks);
            if (locks.Any(l => l.IsHeldByCurrentThread))
            {
                lock (_heldIn)
                {
                    _heldIn.Add(where);
                }
            }
        }

        var authenticated = true;
        _provider.Check = (_, _) => { Probe("CheckAsync"); return Task.FromResult(authenticated ? CheckResult.Ok() : CheckResult.Fail()); };
        _provider.Login = (_, _) => { Probe("LoginAsync"); return Task.FromResult(AuthActionResult.Ok("/home")); };
        _provider.Logout = (_, _) => { Probe("LogoutAsync"); return Task.FromResult(AuthActionResult.Ok("/login")); };
        _provider.OnError = (_, _) => { Probe("OnErrorAsync"); return Task.FromResult(OnErrorResult.LogoutTo("/login")); };
        _provider.Identity = (_, _) => { Probe("GetIdentityAsync"); return Task.FromResult<object?>("me"); };
        host.Manager.AuthStateChanged += (_, e) => Probe("AuthStateChanged " + e.Reason);
        host.Navigator.OnNavigate = (path, _) => Probe("NavigateTo " + path);

        await host.Manager.CheckAsync();
        await host.Manager.GetIdentityAsync(new IdentityRequest { Extra = new Dictionary<string, object?> { ["p"] = 1 } });
        authenticated = false;
        host.Manager.InvalidateAuthStore();
        await host.Manager.CheckAsync();
        await host.Manager.LoginAsync(new LoginRequest());
        await host.Manager.OnErrorAsync(new OnErrorRequest { StatusCode = 401 });
        await host.Manager.LoginAsync(new LoginRequest());
        await host.Manager.EndSessionAsync();
        await host.Manager.LoginAsync(new LoginRequest());
        await host.Manager.LogoutAsync(new LogoutRequest());

        Assert.True(_callbacks > 20, $"only {_callbacks} callbacks ran");
        Assert.Empty(_heldIn);
    }

    private static List<Lock> EngineLocks(AuthManager manager)
    {
        const BindingFlags fields = BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public;
        var owners = new List<object> { manager };
        owners.AddRange(typeof(AuthManager).GetFields(fields)
            .Where(f => f.FieldType.IsGenericType && f.FieldType.Name.StartsWith("QueryCache", StringComparison.Ordinal))
            .Select(f => f.GetValue(manager)!));
        return [.. owners.SelectMany(o => o.GetType().GetFields(fields).Where(f => f.FieldType == typeof(Lock)).Select(f => (Lock)f.GetValue(o)!))];
    }
}
