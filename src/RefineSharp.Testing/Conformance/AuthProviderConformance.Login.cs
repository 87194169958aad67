namespace RefineSharp.Testing.Conformance;

/// <summary>Login: the right password signs in, anything else fails with a plain message and signs nobody in.</summary>
public abstract partial class AuthProviderConformance
{
    /// <summary>
    /// The right password succeeds, with no error and a redirect that is a local path (or none). Without password
    /// login: the right password alone never signs anyone in (the provider's login is a redirect).
    /// </summary>
    private Task Login_RightPassword_SucceedsWithLocalRedirect() => WithSessionAsync(async session =>
    {
        var result = await session.Provider.LoginAsync(new LoginRequest { Email = session.Account.Email, Password = session.Account.Password });
        Verify.LocalOrNull(result.RedirectTo, "LoginAsync's RedirectTo");
        if (!Profile.PasswordLogin)
        {
            Verify.That(!await IsAuthenticatedAsync(session), "A redirect provider must not be signed in by a password alone.");
            return;
        }

        Verify.That(result.Success, $"LoginAsync with the right password must answer Success; it failed with '{result.Error?.Message}'.");
        Verify.That(result.Error is null, $"A successful login must carry no error; it carried '{result.Error?.Message}'.");
        Verify.That(await IsAuthenticatedAsync(session), "CheckAsync after a successful login must answer Authenticated.");

        // refine passes login's variables verbatim, so a redirectPath can come from anyone: the answer stays local.
        foreach (var hostile in HostileInputs.RedirectPaths)
        {
            await session.Provider.LogoutAsync(new LogoutRequest());
            var again = await session.Provider.LoginAsync(new LoginRequest { Email = session.Account.Email, Password = session.Account.Password, RedirectPath = hostile });
            Verify.That(again.Success, $"LoginAsync with the right password must succeed whatever RedirectPath says ('{hostile}').");
            Verify.LocalOrNull(again.RedirectTo, $"LoginAsync's RedirectTo for RedirectPath '{hostile}'");
        }
    });

    /// <summary>A wrong password fails (Success false) with a readable error that shows no internals, and signs nobody in.</summary>
    private Task Login_WrongPassword_FailsWithPlainError() => WithSessionAsync(async session =>
    {
        var wrong = session.Account.Password + "-wrong";
        var result = await session.Provider.LoginAsync(new LoginRequest { Email = session.Account.Email, Password = wrong });
        Verify.That(!await IsAuthenticatedAsync(session), "A wrong password must not sign the user in.");
        if (!Profile.PasswordLogin)
        {
            return;
        }

        Verify.That(!result.Success, "LoginAsync with a wrong password must answer Success = false.");
        Verify.PlainErrorOrNone(result.Error, "The wrong-password error", wrong, session.Account.Password);
        Verify.LocalOrNull(result.RedirectTo, "A failed login's RedirectTo");
    });

    /// <summary>An unknown account fails with the same error as a wrong password, so the form cannot tell which emails exist.</summary>
    private Task Login_UnknownAccount_FailsLikeWrongPassword() => WithSessionAsync(async session =>
    {
        var unknown = "nobody-" + Guid.NewGuid().ToString("N")[..12] + "@conformance.invalid";
        var result = await session.Provider.LoginAsync(new LoginRequest { Email = unknown, Password = session.Account.Password });
        Verify.That(!await IsAuthenticatedAsync(session), "An unknown account must not sign anyone in.");
        if (!Profile.PasswordLogin)
        {
            return;
        }

        Verify.That(!result.Success, "LoginAsync for an unknown account must answer Success = false.");
        Verify.PlainErrorOrNone(result.Error, "The unknown-account error", session.Account.Password);
        var wrong = await session.Provider.LoginAsync(new LoginRequest { Email = session.Account.Email, Password = session.Account.Password + "-wrong" });
        Verify.That(wrong.Error == result.Error,
            $"An unknown account and a wrong password must fail alike (else the form tells which emails have accounts): '{result.Error?.Message}' vs '{wrong.Error?.Message}'.");
    });

    /// <summary>
    /// Generated hostile logins (very long, unicode, control characters, nulls, injections, the account's email in
    /// another shape) never throw out of the provider and never sign anyone in.
    /// </summary>
    private Task Login_HostileInputs_NeverThrowNeverSignIn() => WithSessionAsync(async session =>
    {
        async Task TryAsync(LoginRequest request)
        {
            AuthActionResult result;
            try
            {
                result = await session.Provider.LoginAsync(request);
            }
            catch (Exception ex) when (ex is not ConformanceException)
            {
                throw new ConformanceException($"LoginAsync threw for a hostile input ({request}): {Verify.Describe(ex)}. Answer a failed result instead.", ex);
            }

            // Only a redirect provider's plain login may "succeed": it starts a round trip, it signs nobody in.
            Verify.That(!result.Success || (!Profile.PasswordLogin && request.ProviderName is null),
                $"LoginAsync must not succeed for a hostile input ({request}).");
            if (!result.Success)
            {
                Verify.PlainErrorOrNone(result.Error, "A hostile login's error", request.Password);
            }

            Verify.That(!await IsAuthenticatedAsync(session), $"A hostile login signed someone in ({request}).");
        }

        foreach (var request in HostileInputs.Fixed(session.Account))
        {
            await TryAsync(request);
        }

        await HostileInputs.SampleAsync(TryAsync, Profile.HostileLogins);
    });
}
