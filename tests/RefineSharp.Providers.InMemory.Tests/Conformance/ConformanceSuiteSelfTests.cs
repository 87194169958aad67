using RefineSharp.Testing.Conformance;

namespace RefineSharp.Providers.InMemory.Tests.Conformance;

/// <summary>
/// The suite itself: a provider that keeps the contract passes every case, and each broken provider fails the case
/// that guards the rule it breaks (so no case passes whatever the provider does).
/// </summary>
public sealed class ConformanceSuiteSelfTests
{
    public static TheoryData<Breakage, string> BrokenCases => new()
    {
        { Breakage.AlwaysAuthenticated, "Check_SignedOut_NotAuthenticatedWithRedirect" },
        { Breakage.AlwaysAuthenticated, "Login_WrongPassword_FailsWithPlainError" },
        { Breakage.AlwaysAuthenticated, "Logout_AfterSignIn_SignsOutWithRedirect" },
        { Breakage.LeaksInternalsOnWrongPassword, "Login_WrongPassword_FailsWithPlainError" },
        { Breakage.OpenRedirectAfterLogin, "Login_RightPassword_SucceedsWithLocalRedirect" },
        { Breakage.TellsWhichAccountsExist, "Login_UnknownAccount_FailsLikeWrongPassword" },
        { Breakage.ThrowsOnHugeEmail, "Login_HostileInputs_NeverThrowNeverSignIn" },
        { Breakage.SignsInOnInjection, "Login_HostileInputs_NeverThrowNeverSignIn" },
        { Breakage.SignedOutCheckWithoutRedirect, "Check_SignedOut_NotAuthenticatedWithRedirect" },
        { Breakage.ForgetsSessionAfterFirstCheck, "Check_AfterSignIn_Authenticated" },
        { Breakage.IgnoresEndedSession, "Check_SessionEnded_NotAuthenticated" },
        { Breakage.LogoutKeepsSession, "Logout_AfterSignIn_SignsOutWithRedirect" },
        { Breakage.LogoutThrowsWhenSignedOut, "Logout_RepeatedOrSignedOut_Idempotent" },
        { Breakage.IdentityWithoutId, "Identity_AfterSignIn_HasId" },
        { Breakage.IdentityLingersAfterLogout, "Identity_SignedOut_Empty" },
        { Breakage.WrongPermissions, "Permissions_AfterSignIn_Match" },
        { Breakage.PermissionsLingerAfterLogout, "Permissions_SignedOut_None" },
        { Breakage.IgnoresUnauthorized, "OnError_Unauthorized_LogsOut" },
        { Breakage.ForbiddenLogsOut, "OnError_Forbidden_AsDeclared" },
        { Breakage.ServerErrorLogsOut, "OnError_OtherStatuses_NoLogout" },
        { Breakage.SwallowsBackendFailure, "FailClosed_ThrowingProviderOrBackend_NeverAuthenticated" },
        { Breakage.RegisterThrowsOnEmptyRequest, "OptionalMethods_AsDeclared_UnsupportedSayNotSupported" },
        { Breakage.NotThreadSafe, "Concurrency_ManyChecksAtOnce_AgreeAndDoNotThrow" },
    };

    [Theory]
    [MemberData(nameof(AuthProviderConformance.Cases), MemberType = typeof(AuthProviderConformance))]
    public Task CorrectProvider_PassesEveryCase(string name) => new Suite(Breakage.None).RunAsync(name);

    [Theory]
    [MemberData(nameof(BrokenCases))]
    public async Task BrokenProvider_FailsTheCaseForItsRule(Breakage breakage, string name) =>
        await Assert.ThrowsAsync<ConformanceException>(() => new Suite(breakage).RunAsync(name));

    [Fact]
    public async Task ProfileDeclaringAMemberTheProviderLacks_FailsOptionalMethods() =>
        await Assert.ThrowsAsync<ConformanceException>(() =>
            new Suite(Breakage.None, AuthFeatures.ForgotPassword).RunAsync("OptionalMethods_AsDeclared_UnsupportedSayNotSupported"));

    [Fact]
    public void EveryCase_HasABrokenProviderThatFailsIt()
    {
        var guarded = BrokenCases.Select(row => (string)row[1]).ToHashSet(StringComparer.Ordinal);
        var unguarded = AuthProviderConformance.CaseNames.Except(guarded, StringComparer.Ordinal).ToList();
        Assert.True(unguarded.Count == 0, "Cases no broken provider fails: " + string.Join(", ", unguarded));
    }

    [Fact]
    public async Task UnknownCaseName_Throws() =>
        await Assert.ThrowsAsync<ArgumentException>(() => new Suite(Breakage.None).RunAsync("NoSuchCase"));

    private sealed class Suite(Breakage breakage, AuthFeatures extra = AuthFeatures.None) : AuthProviderConformance
    {
        protected override ConformanceProfile Profile => new()
        {
            Features = AuthFeatures.Register | AuthFeatures.Identity | AuthFeatures.Permissions | extra,
            Permissions = ["admin", "editor"],
        };

        protected override Task<ConformanceSession> StartSessionAsync()
        {
            var provider = new BrokenProvider(breakage);
            return Task.FromResult(new ConformanceSession(provider, new ConformanceAccount(BrokenProvider.Email, BrokenProvider.Password))
            {
                EndSession = _ =>
                {
                    provider.Revoked = true;
                    return Task.CompletedTask;
                },
                BreakBackend = _ =>
                {
                    provider.BackendBroken = true;
                    return Task.CompletedTask;
                },
            });
        }
    }
}
