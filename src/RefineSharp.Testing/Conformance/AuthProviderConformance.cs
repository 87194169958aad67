namespace RefineSharp.Testing.Conformance;

/// <summary>
/// refine's auth provider contract as a suite any provider runs: derive, say how to start a session
/// (<see cref="StartSessionAsync"/>) and what the provider declares (<see cref="Profile"/>), and run every name of
/// <see cref="Cases"/> through <see cref="RunAsync"/>. It needs no test framework: a broken rule throws a
/// <see cref="ConformanceException"/>. With xUnit:
/// <code>
/// [Theory, MemberData(nameof(Cases))]
/// public Task Conforms(string name) => RunAsync(name);
/// </code>
/// </summary>
public abstract partial class AuthProviderConformance
{
    private static readonly (string Name, Func<AuthProviderConformance, Task> Run)[] All =
    [
        (nameof(Login_RightPassword_SucceedsWithLocalRedirect), s => s.Login_RightPassword_SucceedsWithLocalRedirect()),
        (nameof(Login_WrongPassword_FailsWithPlainError), s => s.Login_WrongPassword_FailsWithPlainError()),
        (nameof(Login_UnknownAccount_FailsLikeWrongPassword), s => s.Login_UnknownAccount_FailsLikeWrongPassword()),
        (nameof(Login_HostileInputs_NeverThrowNeverSignIn), s => s.Login_HostileInputs_NeverThrowNeverSignIn()),
        (nameof(Check_SignedOut_NotAuthenticatedWithRedirect), s => s.Check_SignedOut_NotAuthenticatedWithRedirect()),
        (nameof(Check_AfterSignIn_Authenticated), s => s.Check_AfterSignIn_Authenticated()),
        (nameof(Check_SessionEnded_NotAuthenticated), s => s.Check_SessionEnded_NotAuthenticated()),
        (nameof(Logout_AfterSignIn_SignsOutWithRedirect), s => s.Logout_AfterSignIn_SignsOutWithRedirect()),
        (nameof(Logout_RepeatedOrSignedOut_Idempotent), s => s.Logout_RepeatedOrSignedOut_Idempotent()),
        (nameof(Identity_AfterSignIn_HasId), s => s.Identity_AfterSignIn_HasId()),
        (nameof(Identity_SignedOut_Empty), s => s.Identity_SignedOut_Empty()),
        (nameof(Permissions_AfterSignIn_Match), s => s.Permissions_AfterSignIn_Match()),
        (nameof(Permissions_SignedOut_None), s => s.Permissions_SignedOut_None()),
        (nameof(OnError_Unauthorized_LogsOut), s => s.OnError_Unauthorized_LogsOut()),
        (nameof(OnError_Forbidden_AsDeclared), s => s.OnError_Forbidden_AsDeclared()),
        (nameof(OnError_OtherStatuses_NoLogout), s => s.OnError_OtherStatuses_NoLogout()),
        (nameof(FailClosed_ThrowingProviderOrBackend_NeverAuthenticated), s => s.FailClosed_ThrowingProviderOrBackend_NeverAuthenticated()),
        (nameof(OptionalMethods_AsDeclared_UnsupportedSayNotSupported), s => s.OptionalMethods_AsDeclared_UnsupportedSayNotSupported()),
        (nameof(Concurrency_ManyChecksAtOnce_AgreeAndDoNotThrow), s => s.Concurrency_ManyChecksAtOnce_AgreeAndDoNotThrow()),
    ];

    /// <summary>The names of every case, one per row (the shape xUnit's MemberData and NUnit's TestCaseSource take).</summary>
    public static IEnumerable<object[]> Cases => All.Select(c => new object[] { c.Name });

    /// <summary>The names of every case.</summary>
    public static IReadOnlyList<string> CaseNames => [.. All.Select(c => c.Name)];

    /// <summary>What the provider under test declares: capabilities, optional members, expected permissions.</summary>
    protected abstract ConformanceProfile Profile { get; }

    /// <summary>Starts a fresh session (nobody signed in) around the provider under test, with a known account.</summary>
    protected abstract Task<ConformanceSession> StartSessionAsync();

    /// <summary>Runs the case named <paramref name="caseName"/>; throws <see cref="ConformanceException"/> when the provider breaks it.</summary>
    public Task RunAsync(string caseName)
    {
        foreach (var (name, run) in All)
        {
            if (name == caseName)
            {
                return run(this);
            }
        }

        throw new ArgumentException($"No conformance case is named '{caseName}'.", nameof(caseName));
    }

    /// <summary>Starts a session, runs <paramref name="body"/> on it and disposes it.</summary>
    private async Task WithSessionAsync(Func<ConformanceSession, Task> body)
    {
        await using var session = await StartSessionAsync();
        await body(session);
    }

    /// <summary>Signs the session's account in (password login, or the session's own sign-in) and checks that it worked.</summary>
    private async Task SignInAsync(ConformanceSession session)
    {
        if (session.SignIn is { } signIn)
        {
            await signIn(CancellationToken.None);
        }
        else
        {
            Verify.That(Profile.PasswordLogin, "A provider without password login must give its session a SignIn.");
            var result = await session.Provider.LoginAsync(new LoginRequest { Email = session.Account.Email, Password = session.Account.Password });
            Verify.That(result.Success, $"LoginAsync with the right password must succeed; it failed with '{result.Error?.Message}'.");
        }

        Verify.That((await session.Provider.CheckAsync(new CheckRequest())).Authenticated, "CheckAsync right after signing in must answer Authenticated.");
    }

    private static async Task<bool> IsAuthenticatedAsync(ConformanceSession session) =>
        (await session.Provider.CheckAsync(new CheckRequest())).Authenticated;
}
