namespace RefineSharp.Testing.Conformance;

/// <summary>Check and logout: signed out says so with a way to the login page; logout ends the session, every time.</summary>
public abstract partial class AuthProviderConformance
{
    /// <summary>Before any sign-in, CheckAsync answers not authenticated and names a local page to go to.</summary>
    private Task Check_SignedOut_NotAuthenticatedWithRedirect() => WithSessionAsync(async session =>
    {
        var check = await session.Provider.CheckAsync(new CheckRequest());
        Verify.That(!check.Authenticated, "CheckAsync before any sign-in must answer Authenticated = false.");
        Verify.LocalRedirectPresent(check.RedirectTo, "A signed-out check's RedirectTo");
    });

    /// <summary>After sign-in, CheckAsync answers authenticated, and keeps answering so (it is a query, not a one-shot).</summary>
    private Task Check_AfterSignIn_Authenticated() => WithSessionAsync(async session =>
    {
        await SignInAsync(session);
        for (var i = 0; i < 3; i++)
        {
            var check = await session.Provider.CheckAsync(new CheckRequest());
            Verify.That(check.Authenticated, $"CheckAsync number {i + 2} after sign-in must still answer Authenticated.");
            Verify.That(!check.Logout, "An authenticated check must not ask for a logout.");
        }
    });

    /// <summary>
    /// A session ended behind the provider's back (expired, revoked at the server) is no longer authenticated, and
    /// identity goes with it. Without an <see cref="ConformanceSession.EndSession"/> the session ends by logout.
    /// </summary>
    private Task Check_SessionEnded_NotAuthenticated() => WithSessionAsync(async session =>
    {
        await SignInAsync(session);
        if (session.EndSession is { } end)
        {
            await end(CancellationToken.None);
        }
        else
        {
            await session.Provider.LogoutAsync(new LogoutRequest());
        }

        var check = await session.Provider.CheckAsync(new CheckRequest());
        Verify.That(!check.Authenticated, "CheckAsync after the session ended must answer Authenticated = false.");
        Verify.LocalRedirectPresent(check.RedirectTo, "An ended session's check RedirectTo");
        if (Profile.Features.HasFlag(AuthFeatures.Identity))
        {
            Verify.That(Verify.IsEmptyIdentity(await session.Provider.GetIdentityAsync(new IdentityRequest())),
                "GetIdentityAsync after the session ended must answer no identity.");
        }
    });

    /// <summary>Logout after sign-in succeeds with a local redirect, and afterwards the check is not authenticated (with a redirect).</summary>
    private Task Logout_AfterSignIn_SignsOutWithRedirect() => WithSessionAsync(async session =>
    {
        await SignInAsync(session);
        var result = await session.Provider.LogoutAsync(new LogoutRequest());
        Verify.That(result.Success, $"LogoutAsync must succeed; it failed with '{result.Error?.Message}'.");
        Verify.LocalRedirectPresent(result.RedirectTo, "LogoutAsync's RedirectTo");
        var check = await session.Provider.CheckAsync(new CheckRequest());
        Verify.That(!check.Authenticated, "CheckAsync after logout must answer Authenticated = false.");
        Verify.LocalRedirectPresent(check.RedirectTo, "A check's RedirectTo after logout");
    });

    /// <summary>Logout never signed in, and logout twice in a row, both succeed without throwing and leave the user signed out.</summary>
    private Task Logout_RepeatedOrSignedOut_Idempotent() => WithSessionAsync(async session =>
    {
        async Task<AuthActionResult> LogoutAsync(string when)
        {
            try
            {
                return await session.Provider.LogoutAsync(new LogoutRequest());
            }
            catch (Exception ex)
            {
                throw new ConformanceException($"LogoutAsync threw {when}: {Verify.Describe(ex)}. Logout must always be safe to call.", ex);
            }
        }

        var never = await LogoutAsync("before any sign-in");
        Verify.That(never.Success, "LogoutAsync before any sign-in must succeed (nothing to end is not an error).");
        Verify.LocalOrNull(never.RedirectTo, "LogoutAsync's RedirectTo");
        await SignInAsync(session);
        var first = await LogoutAsync("after sign-in");
        var second = await LogoutAsync("a second time");
        Verify.That(first.Success && second.Success, "Two logouts in a row must both succeed.");
        Verify.LocalOrNull(second.RedirectTo, "The second LogoutAsync's RedirectTo");
        Verify.That(!await IsAuthenticatedAsync(session), "After two logouts the user must be signed out.");
    });
}
