using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace RefineSharp.Blazor.Tests.Forms;

public sealed class AuthPageTests : RefineTestBase
{
    [Theory]
    [InlineData(AuthPageType.Login, "Sign in to your account", "Sign in")]
    [InlineData(AuthPageType.Register, "Sign up for your account", "Sign up")]
    [InlineData(AuthPageType.ForgotPassword, "Forgot your password?", "Send reset instructions")]
    [InlineData(AuthPageType.UpdatePassword, "Update Password", "Update")]
    public void Render_EachType_ShowsTitleAndSubmitButton(AuthPageType type, string title, string submit)
    {
        var cut = Render<AuthPage>(p => p.Add(x => x.Type, type));

        Assert.Equal(title, cut.Find("h1").TextContent);
        Assert.Equal(submit, cut.Find("button[type=submit]").TextContent.Trim());
    }

    [Fact]
    public void Render_Login_ShowsLabelledInputsWithStableNames()
    {
        var cut = Render<AuthPage>();

        Assert.Equal("email", cut.Find("input#email").GetAttribute("name"));
        Assert.Equal("password", cut.Find("input#password").GetAttribute("type"));
        Assert.Equal("remember", cut.Find("input#remember").GetAttribute("name"));
        Assert.Equal("Email", cut.Find("label[for=email]").TextContent);
        Assert.Equal("Password", cut.Find("label[for=password]").TextContent);
        Assert.Contains("Remember me", cut.Find("label[for=remember]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_UpdatePassword_ShowsBothPasswordFields()
    {
        var cut = Render<AuthPage>(p => p.Add(x => x.Type, AuthPageType.UpdatePassword));

        Assert.Equal("New Password", cut.Find("label[for=password]").TextContent);
        Assert.Equal("Confirm New Password", cut.Find("label[for=confirmPassword]").TextContent);
        Assert.Empty(cut.FindAll("input#email"));
    }

    [Fact]
    public void Render_Login_ShowsRegisterAndForgotPasswordLinks()
    {
        var cut = Render<AuthPage>();

        Assert.Equal("register", cut.Find("a[data-refine-link=register]").GetAttribute("href"));
        Assert.Equal("Sign up", cut.Find("a[data-refine-link=register]").TextContent);
        Assert.Contains("Don’t have an account?", cut.Find(".refine-auth-footer").TextContent, StringComparison.Ordinal);
        Assert.Equal("forgot-password", cut.Find("a[data-refine-link=forgot-password]").GetAttribute("href"));
        Assert.Equal("Forgot password?", cut.Find("a[data-refine-link=forgot-password]").TextContent);
    }

    [Fact]
    public void Render_LinksSetToFalse_HidesThem()
    {
        var cut = Render<AuthPage>(p => p.Add(x => x.RegisterLink, false).Add(x => x.ForgotPasswordLink, false).Add(x => x.RememberMe, false));

        Assert.Empty(cut.FindAll("a[data-refine-link]"));
        Assert.Empty(cut.FindAll("input#remember"));
    }

    [Theory]
    [InlineData(AuthPageType.Register)]
    [InlineData(AuthPageType.ForgotPassword)]
    public void Render_LoginLink_ShownAndHiddenWithFalse(AuthPageType type)
    {
        var shown = Render<AuthPage>(p => p.Add(x => x.Type, type));
        Assert.Equal("login", shown.Find("a[data-refine-link=login]").GetAttribute("href"));
        Assert.Equal("Sign in", shown.Find("a[data-refine-link=login]").TextContent);
        Assert.Contains("Have an account?", shown.Find(".refine-auth-footer").TextContent, StringComparison.Ordinal);

        var hidden = Render<AuthPage>(p => p.Add(x => x.Type, type).Add(x => x.LoginLink, false));
        Assert.Empty(hidden.FindAll("a[data-refine-link=login]"));
    }

    [Fact]
    public void Render_TitleStringAndFragment_ReplaceTheHeading()
    {
        var text = Render<AuthPage>(p => p.Add(x => x.Title, "Welcome back"));
        Assert.Equal("Welcome back", text.Find("h1").TextContent);

        var fragment = Render<AuthPage>(p => p.Add(x => x.TitleContent, b => b.AddMarkupContent(0, "<img alt=\"Acme\" />")));
        Assert.Equal("Acme", fragment.Find("h1 img").GetAttribute("alt"));
    }

    [Fact]
    public void Render_HideTitle_RemovesTheHeading()
    {
        var cut = Render<AuthPage>(p => p.Add(x => x.HideTitle, true));

        Assert.Empty(cut.FindAll("h1"));
    }

    [Fact]
    public void Render_RenderContent_RendersOnlyItsOutput()
    {
        var cut = Render<AuthPage>(p => p.Add(x => x.RenderContent, _ => b => b.AddMarkupContent(0, "<p id=\"custom\">custom</p>")));

        Assert.Equal("custom", cut.Find("#custom").TextContent);
        Assert.Empty(cut.FindAll("form"));
        Assert.Empty(cut.FindAll("h1"));
    }

    [Fact]
    public void Render_RenderContent_CanWrapContentAndTitle()
    {
        var cut = Render<AuthPage>(p => p.Add(x => x.RenderContent, parts => b =>
        {
            b.OpenElement(0, "section");
            b.AddAttribute(1, "id", "wrapped");
            b.AddContent(2, parts.Title);
            b.AddMarkupContent(3, "<p id=\"extra\">extra</p>");
            b.AddContent(4, parts.Content);
            b.CloseElement();
        }));

        Assert.Equal("Sign in to your account", cut.Find("#wrapped h1").TextContent);
        Assert.NotNull(cut.Find("#wrapped #extra"));
        Assert.NotNull(cut.Find("#wrapped form"));
    }

    [Fact]
    public async Task Submit_Login_CallsLoginWithTheFormValues()
    {
        var cut = Render<AuthPage>();

        await cut.Find("#email").InputAsync(new ChangeEventArgs { Value = "ann@example.com" });
        await cut.Find("#password").InputAsync(new ChangeEventArgs { Value = "s3cret" });
        await cut.Find("#remember").ChangeAsync(new ChangeEventArgs { Value = true });
        await cut.Find("form").SubmitAsync();

        var login = Provider.RequestsOf<LoginRequest>().Single();
        Assert.Equal(("ann@example.com", "s3cret", true, null), (login.Email, login.Password, login.Remember, login.ProviderName));
    }

    [Fact]
    public async Task Submit_Register_CallsRegisterWithTheFormValues()
    {
        var cut = Render<AuthPage>(p => p.Add(x => x.Type, AuthPageType.Register));

        await cut.Find("#email").ChangeAsync(new ChangeEventArgs { Value = "bob@example.com" });
        await cut.Find("#password").ChangeAsync(new ChangeEventArgs { Value = "pw" });
        await cut.Find("form").SubmitAsync();

        var register = Provider.RequestsOf<RegisterRequest>().Single();
        Assert.Equal(("bob@example.com", "pw"), (register.Email, register.Password));
    }

    [Fact]
    public async Task Submit_ForgotPassword_CallsForgotPasswordWithTheEmail()
    {
        var cut = Render<AuthPage>(p => p.Add(x => x.Type, AuthPageType.ForgotPassword));

        await cut.Find("#email").ChangeAsync(new ChangeEventArgs { Value = "bob@example.com" });
        await cut.Find("form").SubmitAsync();

        Assert.Equal("bob@example.com", Provider.RequestsOf<ForgotPasswordRequest>().Single().Email);
    }

    [Fact]
    public async Task Submit_UpdatePassword_SendsBothPasswordsAndTheUrlParameters()
    {
        Navigation.NavigateTo("/update-password?token=abc123&email=ann%40example.com");
        var cut = Render<AuthPage>(p => p.Add(x => x.Type, AuthPageType.UpdatePassword));

        await cut.Find("#password").ChangeAsync(new ChangeEventArgs { Value = "n3w" });
        await cut.Find("#confirmPassword").ChangeAsync(new ChangeEventArgs { Value = "n3w" });
        await cut.Find("form").SubmitAsync();

        var update = Provider.RequestsOf<UpdatePasswordRequest>().Single();
        Assert.Equal(("n3w", "n3w"), (update.Password, update.ConfirmPassword));
        Assert.Equal("abc123", update.GetExtraString("token"));
        Assert.Equal("ann@example.com", update.GetExtraString("email"));
    }

    [Fact]
    public void Render_UpdatePasswordWithoutCurrentPassword_HasNoCurrentPasswordField() =>
        Assert.Empty(Render<AuthPage>(p => p.Add(x => x.Type, AuthPageType.UpdatePassword)).FindAll("#currentPassword"));

    [Fact]
    public async Task Submit_UpdatePasswordWithCurrentPassword_SendsIt()
    {
        var cut = Render<AuthPage>(p => p.Add(x => x.Type, AuthPageType.UpdatePassword).Add(x => x.ShowCurrentPassword, true));

        Assert.Equal("Current Password", cut.Find("label[for=currentPassword]").TextContent);
        await cut.Find("#currentPassword").ChangeAsync(new ChangeEventArgs { Value = "0ld" });
        await cut.Find("#password").ChangeAsync(new ChangeEventArgs { Value = "n3w" });
        await cut.Find("#confirmPassword").ChangeAsync(new ChangeEventArgs { Value = "n3w" });
        await cut.Find("form").SubmitAsync();

        Assert.Equal("0ld", Provider.RequestsOf<UpdatePasswordRequest>().Single().CurrentPassword);
    }

    [Fact]
    public async Task Submit_UpdatePasswordSucceeds_ClearsThePasswordFields()
    {
        var cut = Render<AuthPage>(p => p.Add(x => x.Type, AuthPageType.UpdatePassword).Add(x => x.ShowCurrentPassword, true));

        await cut.Find("#currentPassword").ChangeAsync(new ChangeEventArgs { Value = "0ld" });
        await cut.Find("#password").ChangeAsync(new ChangeEventArgs { Value = "n3w" });
        await cut.Find("#confirmPassword").ChangeAsync(new ChangeEventArgs { Value = "n3w" });
        await cut.Find("form").SubmitAsync();

        cut.WaitForAssertion(() => Assert.All(
            new[] { "#currentPassword", "#password", "#confirmPassword" },
            id => Assert.Equal(string.Empty, cut.Find(id).GetAttribute("value") ?? string.Empty)));
    }

    [Fact]
    public async Task Submit_UpdatePasswordWithEmptyCurrentPassword_ShowsMessageAndSendsNothing()
    {
        var cut = Render<AuthPage>(p => p.Add(x => x.Type, AuthPageType.UpdatePassword).Add(x => x.ShowCurrentPassword, true));

        await cut.Find("#password").ChangeAsync(new ChangeEventArgs { Value = "n3w" });
        await cut.Find("#confirmPassword").ChangeAsync(new ChangeEventArgs { Value = "n3w" });
        await cut.Find("form").SubmitAsync();

        Assert.Equal("Please enter your current password", cut.Find("#currentPassword-error").TextContent);
        Assert.Empty(Provider.RequestsOf<UpdatePasswordRequest>());
    }

    [Fact]
    public async Task Click_ProviderButtonOnLogin_CallsLoginWithProviderName()
    {
        var cut = Render<AuthPage>(p => p.Add(x => x.Providers, [new AuthPageProvider { Name = "google", Label = "Sign in with Google" }]));

        var button = cut.Find("button[data-provider=google]");
        Assert.Equal("Sign in with Google", button.TextContent.Trim());
        await button.ClickAsync(new MouseEventArgs());

        Assert.Equal("google", Provider.RequestsOf<LoginRequest>().Single().ProviderName);
    }

    [Fact]
    public async Task Click_ProviderButtonOnRegister_CallsRegisterWithProviderName()
    {
        var cut = Render<AuthPage>(p => p
            .Add(x => x.Type, AuthPageType.Register)
            .Add(x => x.Providers, [new AuthPageProvider { Name = "github", Icon = b => b.AddMarkupContent(0, "<svg id=\"gh\"></svg>") }]));

        Assert.NotNull(cut.Find("button[data-provider=github] svg#gh"));
        Assert.Equal("github", cut.Find("button[data-provider=github]").TextContent.Trim());
        await cut.Find("button[data-provider=github]").ClickAsync(new MouseEventArgs());

        Assert.Equal("github", Provider.RequestsOf<RegisterRequest>().Single().ProviderName);
        Assert.Empty(Provider.RequestsOf<LoginRequest>());
    }

    [Fact]
    public void Render_HideForm_ShowsProvidersWithoutTheForm()
    {
        var cut = Render<AuthPage>(p => p.Add(x => x.HideForm, true).Add(x => x.Providers, [new AuthPageProvider { Name = "google" }]));

        Assert.Empty(cut.FindAll("form"));
        Assert.Empty(cut.FindAll(".refine-auth-divider"));
        Assert.NotNull(cut.Find("button[data-provider=google]"));
    }

    [Fact]
    public async Task Submit_MutationVariables_AreMergedIntoEveryRequest()
    {
        var variables = new Dictionary<string, object?> { ["tenant"] = "acme" };
        var login = Render<AuthPage>(p => p.Add(x => x.MutationVariables, variables).Add(x => x.Providers, [new AuthPageProvider { Name = "google" }]));
        await login.Find("#email").ChangeAsync(new ChangeEventArgs { Value = "ann@example.com" });
        await login.Find("#password").ChangeAsync(new ChangeEventArgs { Value = "pw" });
        await login.Find("form").SubmitAsync();
        await login.Find("button[data-provider=google]").ClickAsync(new MouseEventArgs());
        var register = Render<AuthPage>(p => p.Add(x => x.Type, AuthPageType.Register).Add(x => x.MutationVariables, variables));
        await register.Find("#email").ChangeAsync(new ChangeEventArgs { Value = "ann@example.com" });
        await register.Find("#password").ChangeAsync(new ChangeEventArgs { Value = "pw" });
        await register.Find("form").SubmitAsync();
        var forgot = Render<AuthPage>(p => p.Add(x => x.Type, AuthPageType.ForgotPassword).Add(x => x.MutationVariables, variables));
        await forgot.Find("#email").ChangeAsync(new ChangeEventArgs { Value = "ann@example.com" });
        await forgot.Find("form").SubmitAsync();
        var update = Render<AuthPage>(p => p.Add(x => x.Type, AuthPageType.UpdatePassword).Add(x => x.MutationVariables, variables));
        await update.Find("#password").ChangeAsync(new ChangeEventArgs { Value = "pw" });
        await update.Find("#confirmPassword").ChangeAsync(new ChangeEventArgs { Value = "pw" });
        await update.Find("form").SubmitAsync();

        var requests = Provider.Calls.Where(c => c.Member != nameof(AuthProvider.CheckAsync)).Select(c => c.Request).ToList();
        Assert.Equal(5, requests.Count);
        Assert.All(requests, r => Assert.Equal("acme", r.GetExtraString("tenant")));
    }

    [Fact]
    public void Render_FormAndWrapperAttributes_AreSplatted()
    {
        var cut = Render<AuthPage>(p => p
            .Add(x => x.FormAttributes, new Dictionary<string, object> { ["data-test"] = "login-form", ["class"] = "my-form" })
            .Add(x => x.ContentAttributes, new Dictionary<string, object> { ["data-card"] = "yes" })
            .AddUnmatched("data-wrapper", "outer"));

        Assert.Equal("my-form", cut.Find("form[data-test=login-form]").GetAttribute("class"));
        Assert.NotNull(cut.Find(".refine-auth-card[data-card=yes]"));
        Assert.NotNull(cut.Find(".refine-auth-page[data-wrapper=outer]"));
    }

    [Fact]
    public async Task Submit_EmptyLogin_ShowsMessagesAndCallsNothing()
    {
        var cut = Render<AuthPage>();

        await cut.Find("form").SubmitAsync();

        Assert.Equal("Email is required", cut.Find("#email-error").TextContent);
        Assert.Equal("Password is required", cut.Find("#password-error").TextContent);
        Assert.Equal("true", cut.Find("#email").GetAttribute("aria-invalid"));
        Assert.Equal("email-error", cut.Find("#email").GetAttribute("aria-describedby"));
        Assert.Equal("alert", cut.Find(".refine-error-summary").GetAttribute("role"));
        Assert.Empty(Provider.RequestsOf<LoginRequest>());
        JSInterop.VerifyFocusAsyncInvoke();
    }

    [Fact]
    public async Task Submit_InvalidEmail_ShowsFormatMessage()
    {
        var cut = Render<AuthPage>(p => p.Add(x => x.Type, AuthPageType.ForgotPassword));

        await cut.Find("#email").ChangeAsync(new ChangeEventArgs { Value = "not-an-email" });
        await cut.Find("form").SubmitAsync();

        Assert.Equal("Invalid email address", cut.Find("#email-error").TextContent);
        Assert.Empty(Provider.RequestsOf<ForgotPasswordRequest>());
    }

    [Fact]
    public async Task Submit_PasswordsDoNotMatch_ShowsMismatchMessage()
    {
        var cut = Render<AuthPage>(p => p.Add(x => x.Type, AuthPageType.UpdatePassword));

        await cut.Find("#password").ChangeAsync(new ChangeEventArgs { Value = "one" });
        await cut.Find("#confirmPassword").ChangeAsync(new ChangeEventArgs { Value = "two" });
        await cut.Find("form").SubmitAsync();

        Assert.Equal("Passwords do not match", cut.Find("#confirmPassword-error").TextContent);
        Assert.Null(cut.Find("#password").GetAttribute("aria-invalid"));
        Assert.Empty(Provider.RequestsOf<UpdatePasswordRequest>());
    }

    [Fact]
    public async Task Submit_AfterFixingErrors_ClearsMessagesAndSends()
    {
        var cut = Render<AuthPage>();
        await cut.Find("form").SubmitAsync();

        await cut.Find("#email").ChangeAsync(new ChangeEventArgs { Value = "ann@example.com" });
        await cut.Find("#password").ChangeAsync(new ChangeEventArgs { Value = "pw" });
        await cut.Find("form").SubmitAsync();

        Assert.Empty(cut.FindAll(".refine-field-error"));
        Assert.Single(Provider.RequestsOf<LoginRequest>());
    }

    [Fact]
    public async Task Render_German_ShowsGermanTextsAndMessages()
    {
        UseCulture("de-DE");
        var cut = Render<AuthPage>(p => p.Add(x => x.Type, AuthPageType.UpdatePassword));

        await cut.Find("#password").ChangeAsync(new ChangeEventArgs { Value = "eins" });
        await cut.Find("#confirmPassword").ChangeAsync(new ChangeEventArgs { Value = "zwei" });
        await cut.Find("form").SubmitAsync();

        Assert.Equal("Passwort ändern", cut.Find("h1").TextContent);
        Assert.Equal("Neues Passwort bestätigen", cut.Find("label[for=confirmPassword]").TextContent);
        Assert.Equal("Die Passwörter stimmen nicht überein", cut.Find("#confirmPassword-error").TextContent);
    }

    [Fact]
    public async Task Submit_EmptyGermanLogin_ShowsGermanMessages()
    {
        UseCulture("de-DE");
        var cut = Render<AuthPage>();

        await cut.Find("form").SubmitAsync();

        Assert.Equal("Bei Ihrem Konto anmelden", cut.Find("h1").TextContent);
        Assert.Equal("E-Mail ist erforderlich", cut.Find("#email-error").TextContent);
        Assert.Equal("Passwort ist erforderlich", cut.Find("#password-error").TextContent);
        Assert.Contains("Bitte korrigieren", cut.Find(".refine-error-summary").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submit_WhilePending_DisablesButtonAndIgnoresSecondSubmit()
    {
        var answer = new TaskCompletionSource<AuthActionResult>();
        Provider.LoginHandler = (_, _) => answer.Task;
        var cut = Render<AuthPage>();
        await cut.Find("#email").ChangeAsync(new ChangeEventArgs { Value = "ann@example.com" });
        await cut.Find("#password").ChangeAsync(new ChangeEventArgs { Value = "pw" });

        var first = cut.Find("form").SubmitAsync();
        var second = cut.Find("form").SubmitAsync();

        var button = cut.Find("button[type=submit]");
        Assert.True(button.HasAttribute("disabled"));
        Assert.Equal("true", button.GetAttribute("aria-busy"));
        Assert.NotNull(cut.Find("button[type=submit] .refine-spinner"));
        Assert.Single(Provider.RequestsOf<LoginRequest>());

        answer.SetResult(AuthActionResult.Ok());
        await Task.WhenAll(first, second);
        cut.WaitForAssertion(() => Assert.False(cut.Find("button[type=submit]").HasAttribute("disabled")));
        Assert.Single(Provider.RequestsOf<LoginRequest>());
    }

    [Fact]
    public async Task Submit_LoginThrows_ShowsErrorAndNotificationWithoutCrashing()
    {
        Provider.LoginHandler = (_, _) => throw new HttpRequestException("Auth server unreachable");
        var notifications = Render<RefineNotifications>();
        var cut = Render<AuthPage>();
        await cut.Find("#email").ChangeAsync(new ChangeEventArgs { Value = "ann@example.com" });
        await cut.Find("#password").ChangeAsync(new ChangeEventArgs { Value = "pw" });

        await cut.Find("form").SubmitAsync();

        Assert.Equal("The sign-in service could not complete the request. Please try again later.", cut.Find(".refine-error-summary").TextContent.Trim());
        notifications.WaitForAssertion(() =>
            Assert.Contains("The sign-in service could not complete the request. Please try again later.", notifications.Find("[data-notification-key=login-error]").TextContent, StringComparison.Ordinal));
        Assert.False(cut.Find("button[type=submit]").HasAttribute("disabled"));
    }

    [Fact]
    public async Task Submit_LoginWithLocalTo_GoesThere()
    {
        Navigation.NavigateTo("/login?to=%2Forders%2F7");
        var cut = Render<AuthPage>();
        await cut.Find("#email").ChangeAsync(new ChangeEventArgs { Value = "ann@example.com" });
        await cut.Find("#password").ChangeAsync(new ChangeEventArgs { Value = "pw" });

        await cut.Find("form").SubmitAsync();

        Assert.Equal("http://localhost/orders/7", Navigation.Uri);
    }

    [Fact]
    public async Task Submit_LoginWithHostileTo_FollowsTheProviderInstead()
    {
        Navigation.NavigateTo("/login?to=https%3A%2F%2Fevil.example%2F");
        Provider.LoginResult = AuthActionResult.Ok("/home");
        var cut = Render<AuthPage>();
        await cut.Find("#email").ChangeAsync(new ChangeEventArgs { Value = "ann@example.com" });
        await cut.Find("#password").ChangeAsync(new ChangeEventArgs { Value = "pw" });

        await cut.Find("form").SubmitAsync();

        Assert.Equal("http://localhost/home", Navigation.Uri);
    }

    [Fact]
    public void Render_Interactive_MarksTheRootForBrowserTests()
    {
        var cut = Render<AuthPage>();

        Assert.Equal("true", cut.Find(".refine-auth-page").GetAttribute("data-refine-interactive"));
    }

    [Fact]
    public void Render_Prerendering_HasNoReadinessMarker()
    {
        Prerender();

        var cut = Render<AuthPage>();

        Assert.False(cut.Find(".refine-auth-page").HasAttribute("data-refine-interactive"));
        Assert.Empty(Provider.Calls);
    }

    [Theory]
    [InlineData(typeof(LoginPage), "login")]
    [InlineData(typeof(RegisterPage), "register")]
    [InlineData(typeof(ForgotPasswordPage), "forgotPassword")]
    [InlineData(typeof(UpdatePasswordPage), "updatePassword")]
    public void Render_RoutablePage_ShowsItsAuthPage(Type page, string type)
    {
        var cut = Render(b =>
        {
            b.OpenComponent(0, page);
            b.CloseComponent();
        });

        Assert.NotNull(cut.Find($"[data-refine-auth-page={type}]"));
        Assert.NotNull(page.GetCustomAttributes(typeof(RouteAttribute), false).SingleOrDefault());
    }
}
