using System.Diagnostics;
using CsCheck;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using RefineSharp.Telemetry;
using RefineSharp.Tests.TestDoubles;
using RefineSharp.Tests.Tokens;
using RefineSharp.Tokens;

namespace RefineSharp.Tests.Telemetry;

/// <summary>
/// The "RefineSharp" meter and activity source: the documented names appear for sign-ins, logouts, ended sessions,
/// refreshes and provider calls; OpenTelemetry collects them with AddMeter/AddSource alone; and no password, token or
/// email ever reaches a tag, a span name or a status, whatever the user types or the provider throws.
/// </summary>
public sealed class RefineTelemetryTests
{
    [Fact]
    public async Task SignIns_SuccessRefusalAndUnavailable_AreCountedByResultAndReason()
    {
        using var recorder = new TelemetryRecorder();
        var provider = new FakeAuthProvider();
        await using var host = AuthTestHost.For(provider);

        await host.Manager.LoginAsync(new LoginRequest { Email = "a@b.c", Password = "pw" });
        provider.Login = (_, _) => Task.FromResult(AuthActionResult.Fail());
        await host.Manager.LoginAsync(new LoginRequest { Email = "a@b.c", Password = "pw" });
        provider.SetFault(nameof(AuthProvider.LoginAsync), ProviderFault.Throws);
        await host.Manager.LoginAsync(new LoginRequest { Email = "a@b.c", Password = "pw" });

        Assert.NotEmpty(recorder.Of(RefineTelemetry.SignIns, (RefineTelemetry.ResultTag, "success"), (RefineTelemetry.ReasonTag, "login")));
        Assert.NotEmpty(recorder.Of(RefineTelemetry.SignIns, (RefineTelemetry.ResultTag, "failure"), (RefineTelemetry.ReasonTag, "refused")));
        Assert.NotEmpty(recorder.Of(RefineTelemetry.SignIns, (RefineTelemetry.ResultTag, "failure"), (RefineTelemetry.ReasonTag, "unavailable")));
        Assert.NotEmpty(recorder.Of(RefineTelemetry.ProviderDuration, (RefineTelemetry.MemberTag, "LoginAsync"), (RefineTelemetry.OutcomeTag, "threw")));
        Assert.Contains(recorder.Activities, a => a.DisplayName == "RefineSharp.Provider LoginAsync" && a.Status == ActivityStatusCode.Error
            && a.StatusDescription == typeof(InvalidOperationException).FullName);
    }

    [Fact]
    public async Task Logouts_ByUserAndBy401_AreCountedByReasonAndTheEndedSessionIsCounted()
    {
        using var recorder = new TelemetryRecorder();
        var provider = new FakeAuthProvider { OnError = (_, _) => Task.FromResult(OnErrorResult.LogoutTo("/login")) };
        await using var host = AuthTestHost.For(provider);
        var endedBefore = recorder.Of(RefineTelemetry.SessionsEnded).Count;

        await host.Manager.LoginAsync();
        await host.Manager.LogoutAsync();
        await host.Manager.LoginAsync();
        await host.Manager.OnErrorAsync(new OnErrorRequest { StatusCode = 401 });

        Assert.NotEmpty(recorder.Of(RefineTelemetry.Logouts, (RefineTelemetry.ReasonTag, "user")));
        Assert.NotEmpty(recorder.Of(RefineTelemetry.Logouts, (RefineTelemetry.ReasonTag, "session_ended")));
        Assert.True(recorder.Of(RefineTelemetry.SessionsEnded).Count > endedBefore);
        Assert.Contains(recorder.Activities, a => a.DisplayName == "RefineSharp.Provider LogoutAsync" && Equals(a.GetTagItem(RefineTelemetry.OutcomeTag), "returned"));
    }

    [Fact]
    public async Task Refreshes_RenewedRefusedAndThrown_AreCountedByResult()
    {
        using var recorder = new TelemetryRecorder();
        var refresher = new CountingRefresher();
        var store = new MemoryTokenStore();
        var time = new FakeTimeProvider(TokenSets.Start);
        var coordinator = new TokenRefreshCoordinator(store, refresher, timeProvider: time);

        await store.SetAsync(TokenSets.Expired("a"));
        await coordinator.GetValidTokenAsync();
        await store.SetAsync(TokenSets.Expired("b"));
        refresher.Answer = _ => null;
        await coordinator.GetValidTokenAsync();
        await store.SetAsync(TokenSets.Expired("c"));
        refresher.Throw = new InvalidOperationException("boom");
        await coordinator.GetValidTokenAsync();

        Assert.NotEmpty(recorder.Of(RefineTelemetry.Refreshes, (RefineTelemetry.ResultTag, "renewed")));
        Assert.NotEmpty(recorder.Of(RefineTelemetry.Refreshes, (RefineTelemetry.ResultTag, "refused")));
        Assert.NotEmpty(recorder.Of(RefineTelemetry.Refreshes, (RefineTelemetry.ResultTag, "failed")));
        Assert.Contains(recorder.Activities, a => a.DisplayName == "RefineSharp.TokenRefresh");
    }

    [Fact]
    public async Task OpenTelemetry_AddMeterAndAddSource_CollectEverythingWithoutFurtherCode()
    {
        var metrics = new List<Metric>();
        var spans = new List<Activity>();
        using (var meterProvider = Sdk.CreateMeterProviderBuilder().AddMeter(RefineTelemetry.Name).AddInMemoryExporter(metrics).Build())
        using (var tracerProvider = Sdk.CreateTracerProviderBuilder().AddSource(RefineTelemetry.Name).AddInMemoryExporter(spans).Build())
        {
            var provider = new FakeAuthProvider();
            await using var host = AuthTestHost.For(provider);
            await host.Manager.LoginAsync(new LoginRequest { Email = "a@b.c", Password = "pw" });
            await host.Manager.LogoutAsync();
            meterProvider.ForceFlush();
            tracerProvider.ForceFlush();
        }

        var names = metrics.Select(m => m.Name).ToHashSet();
        Assert.Contains(RefineTelemetry.SignIns, names);
        Assert.Contains(RefineTelemetry.Logouts, names);
        Assert.Contains(RefineTelemetry.ProviderDuration, names);
        Assert.Equal("s", metrics.First(m => m.Name == RefineTelemetry.ProviderDuration).Unit);
        Assert.Contains(spans, s => s.DisplayName == "RefineSharp.Provider LoginAsync" && s.Source.Name == RefineTelemetry.Name);
    }

    [Fact]
    public async Task Tags_GeneratedEmailsPasswordsAndTokens_NeverAppearAnywhere()
    {
        var secret = Gen.String[Gen.Char["a-zA-Z0-9!#%+"], 10, 40];
        await Gen.Select(secret, secret, secret, Gen.Int[0, 3]).SampleAsync(async (password, local, token, fault) =>
        {
            var email = local + "@example.org";
            using var recorder = new TelemetryRecorder();
            var store = new MemoryTokenStore();
            var refresher = new CountingRefresher { Answer = _ => new TokenSet { AccessToken = token + "-renewed", RefreshToken = token + "-r2" } };
            var time = new FakeTimeProvider(TokenSets.Start);
            var coordinator = new TokenRefreshCoordinator(store, refresher, timeProvider: time);

            // A provider that carries the user's input everywhere it can: the tokens it stores, its errors, its exceptions.
            var provider = new FakeAuthProvider
            {
                Login = async (request, ct) =>
                {
                    await store.SetAsync(new TokenSet { AccessToken = token, RefreshToken = token + "-r", ExpiresAt = TokenSets.Start.AddMinutes(-1) }, ct);
                    return fault switch
                    {
                        0 => AuthActionResult.Ok(),
                        1 => AuthActionResult.Fail(email + password, token),
                        2 => throw new InvalidOperationException($"login of {email} with {password} failed, token {token}"),
                        _ => AuthActionResult.Fail(),
                    };
                },
                Check = async (_, ct) => await coordinator.GetValidTokenAsync(ct) is null ? CheckResult.Fail("/login") : CheckResult.Ok(),
                Identity = (_, _) => Task.FromResult<object?>(new UserIdentity { Id = email, Email = email, Name = password }),
                OnError = (_, _) => Task.FromResult(OnErrorResult.LogoutTo("/login", new AuthError(email, token))),
            };
            await using var host = AuthTestHost.For(provider);

            await host.Manager.LoginAsync(new LoginRequest { Email = email, Password = password, Extra = new Dictionary<string, object?> { ["code"] = token } });
            await host.Manager.CheckAsync();
            await host.Manager.GetIdentityAsync<UserIdentity>();
            await host.Manager.OnErrorAsync(new OnErrorRequest { StatusCode = 401 });
            await host.Manager.LogoutAsync(new LogoutRequest { RedirectPath = "/" + local });

            var texts = recorder.AllTexts().ToList();
            return texts.Count > 0 && !texts.Any(t => t.Contains(password, StringComparison.Ordinal) || t.Contains(local, StringComparison.Ordinal) || t.Contains(token, StringComparison.Ordinal));
        }, iter: 60, threads: 1);
    }
}
