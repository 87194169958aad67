namespace RefineSharp.Testing.Conformance;

/// <summary>Optional members as declared, and many calls at once.</summary>
public abstract partial class AuthProviderConformance
{
    /// <summary>
    /// <see cref="AuthProvider.Features"/> equals the declared <see cref="ConformanceProfile.Features"/>; an action the
    /// provider does not implement answers the documented "not supported" failure (and an unimplemented query null);
    /// an implemented action given an empty request never throws and signs nobody in, and (forgot password aside, which
    /// may answer alike for every address) fails.
    /// </summary>
    private Task OptionalMethods_AsDeclared_UnsupportedSayNotSupported() => WithSessionAsync(async session =>
    {
        var provider = session.Provider;
        Verify.That(provider.Features == Profile.Features, $"The provider implements {provider.Features}; the profile declares {Profile.Features}.");
        (AuthFeatures Feature, string Name, Func<Task<AuthActionResult>> Call)[] actions =
        [
            (AuthFeatures.Register, nameof(AuthProvider.RegisterAsync), () => provider.RegisterAsync(new RegisterRequest())),
            (AuthFeatures.ForgotPassword, nameof(AuthProvider.ForgotPasswordAsync), () => provider.ForgotPasswordAsync(new ForgotPasswordRequest())),
            (AuthFeatures.UpdatePassword, nameof(AuthProvider.UpdatePasswordAsync), () => provider.UpdatePasswordAsync(new UpdatePasswordRequest())),
            (AuthFeatures.UpdateIdentity, nameof(AuthProvider.UpdateIdentityAsync), () => provider.UpdateIdentityAsync(new UpdateIdentityRequest())),
        ];
        foreach (var (feature, name, call) in actions)
        {
            AuthActionResult result;
            try
            {
                result = await call();
            }
            catch (Exception ex) when (ex is not ConformanceException)
            {
                throw new ConformanceException($"{name} threw for an empty request: {Verify.Describe(ex)}. Answer a failed result instead.", ex);
            }

            if (!provider.Features.HasFlag(feature))
            {
                Verify.That(!result.Success && result.Error?.Name == "NotSupported",
                    $"{name} is not implemented, so it must answer the base class's NotSupported failure (do not override it to say so).");
            }
            else if (feature != AuthFeatures.ForgotPassword)
            {
                // Forgot password may answer alike for every address (so the form reveals no accounts), even an empty one.
                Verify.That(!result.Success, $"{name} with an empty request (signed out) must fail.");
                Verify.PlainErrorOrNone(result.Error, $"{name}'s error for an empty request");
            }

            Verify.That(!await IsAuthenticatedAsync(session), $"{name} with an empty request must not sign anyone in.");
        }
    });

    /// <summary>
    /// Many checks (and identity queries) at once, signed out and then signed in, never throw and all agree with a
    /// single check; the provider keeps no state that concurrent callers corrupt.
    /// </summary>
    private Task Concurrency_ManyChecksAtOnce_AgreeAndDoNotThrow() => WithSessionAsync(async session =>
    {
        async Task AllAgreeAsync(bool expected, string when)
        {
            using var start = new ManualResetEventSlim(false);
            var calls = Enumerable.Range(0, Profile.ConcurrentCalls).Select(i => Task.Run(async () =>
            {
                start.Wait();
                if (i % 4 == 3 && Profile.Features.HasFlag(AuthFeatures.Identity))
                {
                    var identity = await session.Provider.GetIdentityAsync(new IdentityRequest());
                    return !Verify.IsEmptyIdentity(identity);
                }

                return (await session.Provider.CheckAsync(new CheckRequest())).Authenticated;
            })).ToArray();
            start.Set();
            bool[] answers;
            try
            {
                answers = await Task.WhenAll(calls);
            }
            catch (Exception ex) when (ex is not ConformanceException)
            {
                throw new ConformanceException($"{Profile.ConcurrentCalls} concurrent checks {when} threw: {Verify.Describe(ex)}.", ex);
            }

            Verify.That(answers.All(a => a == expected),
                $"{answers.Count(a => a != expected)} of {answers.Length} concurrent checks {when} did not answer {(expected ? "authenticated" : "not authenticated")}.");
        }

        await AllAgreeAsync(false, "while signed out");
        await SignInAsync(session);
        await AllAgreeAsync(true, "while signed in");
        await session.Provider.LogoutAsync(new LogoutRequest());
        await AllAgreeAsync(false, "after logout");
    });
}
