using Bunit;
using CsCheck;

namespace RefineSharp.Blazor.Tests.Kits;

/// <summary>Bad input, errors and accessibility: the kit's own error display with refine's texts, and nothing crashes.</summary>
public abstract partial class AuthPageKitSuite<TPage>
{
    [Fact]
    public async Task Submit_EmptyLogin_ShowsSummaryAndFieldMessagesAndFocusesTheFirst()
    {
        var cut = Page();

        await cut.SubmitFormAsync();

        var summary = cut.Find("[data-refine-error-summary]");
        Assert.Equal("alert", summary.GetAttribute("role"));
        Assert.Contains("Email is required", summary.TextContent, StringComparison.Ordinal);
        Assert.Contains("Password is required", summary.TextContent, StringComparison.Ordinal);
        Assert.Equal("Email is required", cut.Find("#email-error").TextContent.Trim());
        Assert.Equal("Password is required", cut.Find("#password-error").TextContent.Trim());
        foreach (var id in new[] { "email", "password" })
        {
            Assert.Equal("true", cut.Find("#" + id).GetAttribute("aria-invalid"));
            Assert.Equal(id + "-error", cut.Find("#" + id).GetAttribute("aria-describedby"));
        }

        Assert.Empty(Provider.RequestsOf<LoginRequest>());
        Assert.Contains(JSInterop.Invocations, i => i.Identifier.Contains("focus", StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("not-an-email")]
    [InlineData("a@b")]
    [InlineData("two words@example.com")]
    [InlineData("@example.com")]
    public async Task Submit_MalformedEmail_ShowsFormatMessageAndSendsNothing(string email)
    {
        var cut = Page(p => p.Add(x => x.Type, AuthPageType.ForgotPassword));

        await cut.TypeAsync("email", email);
        await cut.SubmitFormAsync();

        Assert.Equal("Invalid email address", cut.Find("#email-error").TextContent.Trim());
        Assert.Empty(Provider.RequestsOf<ForgotPasswordRequest>());
    }

    [Fact]
    public async Task Submit_PasswordsDoNotMatch_MarksOnlyTheConfirmation()
    {
        var cut = Page(p => p.Add(x => x.Type, AuthPageType.UpdatePassword));

        await cut.TypeAsync("password", "one");
        await cut.TypeAsync("confirmPassword", "two");
        await cut.SubmitFormAsync();

        Assert.Equal("Passwords do not match", cut.Find("#confirmPassword-error").TextContent.Trim());
        Assert.NotEqual("true", cut.Find("#password").GetAttribute("aria-invalid"));
        Assert.Empty(Provider.RequestsOf<UpdatePasswordRequest>());
    }

    [Fact]
    public async Task Submit_AfterFixingErrors_ClearsMessagesAndSends()
    {
        var cut = Page();
        await cut.SubmitFormAsync();

        await cut.TypeAsync("email", "ann@example.com");
        await cut.TypeAsync("password", "pw");
        await cut.SubmitFormAsync();

        Assert.Empty(cut.FindAll("[data-refine-error-summary]"));
        Assert.Empty(cut.FindAll("#email-error, #password-error"));
        Assert.Single(Provider.RequestsOf<LoginRequest>());
    }

    [Fact]
    public async Task Submit_German_ShowsGermanTextsAndMessages()
    {
        UseCulture("de-DE");
        var cut = Page();

        await cut.SubmitFormAsync();

        Assert.Equal("Bei Ihrem Konto anmelden", cut.Find("h1").TextContent.Trim());
        Assert.Equal("E-Mail ist erforderlich", cut.Find("#email-error").TextContent.Trim());
        Assert.Contains("Bitte korrigieren", cut.Find("[data-refine-error-summary]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submit_ProviderRejects_ShowsItsMessageInTheSummary()
    {
        Provider.LoginResult = AuthActionResult.Fail(new AuthError("LoginError", "Invalid email or password"));
        var cut = Page();
        await cut.TypeAsync("email", "ann@example.com");
        await cut.TypeAsync("password", "wrong");

        await cut.SubmitFormAsync();

        cut.WaitForAssertion(() => Assert.Equal("Invalid email or password", cut.Find("[data-refine-error-summary]").TextContent.Trim()));
        Assert.Empty(cut.FindAll("[aria-invalid=true]"));
    }

    [Fact]
    public async Task Submit_BackendDown_ShowsGenericErrorAndKitNotificationWithoutCrashing()
    {
        Provider.LoginHandler = (_, _) => throw new HttpRequestException("Connection refused (127.0.0.1:1)");
        var outlet = Outlet();
        var cut = Page();
        await cut.TypeAsync("email", "ann@example.com");
        await cut.TypeAsync("password", "pw");

        await cut.SubmitFormAsync();

        cut.WaitForAssertion(() => Assert.Equal(ProviderFailure, cut.Find("[data-refine-error-summary]").TextContent.Trim()));
        outlet.WaitForAssertion(() => Assert.Contains(ProviderFailure, outlet.Markup, StringComparison.Ordinal));
        Assert.DoesNotContain("127.0.0.1", cut.Markup + outlet.Markup, StringComparison.Ordinal);
        Assert.False(cut.SubmitButton().HasAttribute("disabled"));
    }

    [Fact]
    public async Task Submit_WhilePending_DisablesTheButtonsAndIgnoresASecondSubmit()
    {
        var answer = new TaskCompletionSource<AuthActionResult>();
        Provider.LoginHandler = (_, _) => answer.Task;
        var cut = Page(p => p.Add(x => x.Providers, [new AuthPageProvider { Name = "google" }]));
        await cut.TypeAsync("email", "ann@example.com");
        await cut.TypeAsync("password", "pw");

        var first = cut.SubmitFormAsync();
        var second = cut.SubmitFormAsync();

        Assert.True(cut.SubmitButton().HasAttribute("disabled"));
        Assert.Equal("true", cut.SubmitButton().GetAttribute("aria-busy"));
        Assert.True(cut.Find("[data-provider=google]").HasAttribute("disabled"));
        Assert.Single(Provider.RequestsOf<LoginRequest>());

        answer.SetResult(AuthActionResult.Ok());
        await Task.WhenAll(first, second);
        cut.WaitForAssertion(() => Assert.False(cut.SubmitButton().HasAttribute("disabled")));
        Assert.Single(Provider.RequestsOf<LoginRequest>());
    }

    [Fact]
    public async Task Submit_LoginWithHostileTo_FollowsTheProviderInstead()
    {
        Navigation.NavigateTo("/login?to=https%3A%2F%2Fevil.example%2F");
        Provider.LoginResult = AuthActionResult.Ok("/home");
        var cut = Page();
        await cut.TypeAsync("email", "ann@example.com");
        await cut.TypeAsync("password", "pw");

        await cut.SubmitFormAsync();

        Assert.Equal("http://localhost/home", Navigation.Uri);
    }

    /// <summary>
    /// Generated input: whatever is typed, the page either sends exactly the trimmed email and the password as typed,
    /// or sends nothing and marks the email field; it never throws and never renders a password back.
    /// </summary>
    [Fact]
    public void Submit_GeneratedCredentials_SendsValidOnesAndRejectsTheRest()
    {
        var word = Gen.Char.AlphaNumeric.Array[1, 8].Select(c => new string(c));
        var emails = Gen.OneOf(Gen.String[0, 24], Gen.Select(word, word).Select((a, b) => $" {a}@{b}.test "));
        Gen.Select(emails, Gen.String[1, 24]).Sample((email, password) =>
        {
            var before = Provider.RequestsOf<LoginRequest>().Count;
            var cut = Page();
            cut.TypeAsync("email", email).GetAwaiter().GetResult();
            cut.TypeAsync("password", password).GetAwaiter().GetResult();
            cut.SubmitFormAsync().GetAwaiter().GetResult();

            var sent = Provider.RequestsOf<LoginRequest>().Skip(before).ToList();
            var valid = System.Text.RegularExpressions.Regex.IsMatch(email.Trim(), @"^[^@\s]+@[^@\s]+\.[^@\s]+$");
            if (valid)
            {
                Assert.Equal((email.Trim(), password), (Assert.Single(sent).Email, sent[0].Password));
            }
            else
            {
                Assert.Empty(sent);
                Assert.Equal("true", cut.Find("#email").GetAttribute("aria-invalid"));
            }
        }, iter: 60, threads: 1);
    }
}
