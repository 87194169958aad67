using Microsoft.Extensions.DependencyInjection;

namespace RefineSharp.Testing.Conformance;

/// <summary>onError and failures: 401 ends the session, other statuses do not; a failing provider is never "signed in".</summary>
public abstract partial class AuthProviderConformance
{
    private static readonly int?[] NotAboutTheSession = [null, 0, 400, 404, 408, 409, 422, 429, 500, 502, 503, 504];

    /// <summary>
    /// A 401 on a signed-in session answers Logout (with a local redirect or none). With
    /// <see cref="ConformanceProfile.UnauthorizedRefreshesFirst"/>: a 401 either logs out or leaves a session that still
    /// checks as authenticated (the refresh worked), and a 401 after the session ended logs out or goes to a local page.
    /// </summary>
    private Task OnError_Unauthorized_LogsOut() => WithSessionAsync(async session =>
    {
        await SignInAsync(session);
        var result = await session.Provider.OnErrorAsync(new OnErrorRequest { StatusCode = 401 });
        Verify.LocalOrNull(result.RedirectTo, "OnErrorAsync's RedirectTo for a 401");
        if (!Profile.UnauthorizedRefreshesFirst)
        {
            Verify.That(result.Logout, "OnErrorAsync for a 401 on a signed-in session must answer Logout = true.");
            return;
        }

        Verify.That(result.Logout || await IsAuthenticatedAsync(session),
            "A 401 that does not log out must leave a session that is still authenticated (the refresh worked).");
        if (session.EndSession is { } end)
        {
            await end(CancellationToken.None);
            var ended = await session.Provider.OnErrorAsync(new OnErrorRequest { StatusCode = 401 });
            Verify.That(ended.Logout || LocalRedirect.IsLocal(ended.RedirectTo),
                "A 401 on an ended session must log out or go to a local page.");
            Verify.That(!await IsAuthenticatedAsync(session), "After a 401 on an ended session the user must be signed out.");
        }
    });

    /// <summary>A 403 logs out exactly when the profile says so (<see cref="ConformanceProfile.ForbiddenLogsOut"/>).</summary>
    private Task OnError_Forbidden_AsDeclared() => WithSessionAsync(async session =>
    {
        await SignInAsync(session);
        var result = await session.Provider.OnErrorAsync(new OnErrorRequest { StatusCode = 403 });
        Verify.LocalOrNull(result.RedirectTo, "OnErrorAsync's RedirectTo for a 403");
        Verify.That(result.Logout == Profile.ForbiddenLogsOut,
            Profile.ForbiddenLogsOut ? "The profile says a 403 logs out; OnErrorAsync did not answer Logout." : "A 403 must not log out (the profile says so); OnErrorAsync answered Logout.");
        if (!Profile.ForbiddenLogsOut)
        {
            Verify.That(await IsAuthenticatedAsync(session), "After a 403 that is not a logout the user must still be signed in.");
        }
    });

    /// <summary>Statuses that are not about the session (none, 0, 400, 404, 408, 409, 422, 429, 5xx) never log out.</summary>
    private Task OnError_OtherStatuses_NoLogout() => WithSessionAsync(async session =>
    {
        await SignInAsync(session);
        foreach (var status in NotAboutTheSession)
        {
            var result = await session.Provider.OnErrorAsync(new OnErrorRequest { StatusCode = status, Exception = new HttpRequestException("boom") });
            Verify.That(!result.Logout, $"OnErrorAsync for status {status?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"} must not log out.");
            Verify.LocalOrNull(result.RedirectTo, $"OnErrorAsync's RedirectTo for status {status}");
        }

        Verify.That(await IsAuthenticatedAsync(session), "After errors that are not about the session the user must still be signed in.");
    });

    /// <summary>
    /// Fail closed: a signed-in session whose provider starts throwing is not authenticated through the engine (and
    /// the page shows no exception text); when the session's backend breaks (<see cref="ConformanceSession.BreakBackend"/>)
    /// the provider itself throws or answers not authenticated, never authenticated.
    /// </summary>
    private Task FailClosed_ThrowingProviderOrBackend_NeverAuthenticated() => WithSessionAsync(async session =>
    {
        await SignInAsync(session);
        var throwing = new ThrowingProvider(session.Provider);
        var services = new ServiceCollection().AddLogging();
        services.AddRefine().AddAuthProvider(throwing);
        await using (var root = services.BuildServiceProvider())
        await using (var scope = root.CreateAsyncScope())
        {
            var engine = scope.ServiceProvider.GetRequiredService<AuthManager>();
            Verify.That((await engine.CheckAsync()).Authenticated, "Through the engine, the signed-in session must check as authenticated.");
            throwing.Faulted = true;
            engine.InvalidateAuthStore();
            var check = await engine.CheckAsync();
            Verify.That(!check.Authenticated && engine.Status != AuthStatus.Authenticated,
                "A provider whose check throws must never be reported as authenticated.");
            Verify.That(check.Error?.Message?.Contains(ThrowingProvider.FaultText, StringComparison.Ordinal) != true,
                "The exception's text must not reach the check's error.");
            var login = await engine.LoginAsync(new LoginRequest { Email = session.Account.Email, Password = session.Account.Password });
            Verify.That(!login.Success, "A provider whose login throws must not be reported as signed in.");
        }

        if (session.BreakBackend is not { } breakBackend)
        {
            return;
        }

        await breakBackend(CancellationToken.None);
        CheckResult? direct = null;
        try
        {
            direct = await session.Provider.CheckAsync(new CheckRequest());
        }
        catch (Exception ex) when (ex is not ConformanceException)
        {
            // Throwing is closed too: the engine turns it into "not authenticated".
        }

        Verify.That(direct?.Authenticated != true, "With its backend broken, the provider must not answer Authenticated.");
        object? identity = null;
        try
        {
            identity = await session.Provider.GetIdentityAsync(new IdentityRequest());
        }
        catch (Exception ex) when (ex is not ConformanceException)
        {
            // as above
        }

        Verify.That(Verify.IsEmptyIdentity(identity), "With its backend broken, the provider must not answer an identity.");
    });
}
