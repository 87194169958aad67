using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;

namespace RefineSharp.Blazor.Tests.Kits;

/// <summary>
/// One behaviour suite for every kit's &lt;AuthPage&gt; (headless, MudBlazor, Fluent UI): the same parameters, texts,
/// validation, accessibility, submits, static-form guarantees and notifications. A kit passes only if its markup
/// exposes the shared ids (inputs, labels, "-error" messages, data-refine-* markers) and routes the behaviour of
/// <see cref="AuthFormBase"/> through its own components.
/// </summary>
public abstract partial class AuthPageKitSuite<TPage> : RefineTestBase, IAsyncLifetime
    where TPage : AuthFormBase
{
    private const string ProviderFailure = "The sign-in service could not complete the request. Please try again later.";

    /// <summary>The kit's notification outlet (rendered by the app's layout).</summary>
    protected abstract Type NotificationOutlet { get; }

    protected AuthPageKitSuite() =>
        Services.AddSingleton<AntiforgeryStateProvider>(new TestAntiforgery());

    public Task InitializeAsync() => Task.CompletedTask;

    // MudBlazor's and Fluent's services dispose asynchronously only.
    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    protected IRenderedComponent<IComponent> Page(Action<ComponentParameterCollectionBuilder<TPage>>? parameters = null) =>
        (IRenderedComponent<IComponent>)(object)Render<TPage>(p => parameters?.Invoke(p));

    protected IRenderedComponent<IComponent> Outlet() => Render(b =>
    {
        b.OpenComponent(0, NotificationOutlet);
        b.CloseComponent();
    });

    [Theory]
    [InlineData(AuthPageType.Login, "Sign in to your account", "Sign in")]
    [InlineData(AuthPageType.Register, "Sign up for your account", "Sign up")]
    [InlineData(AuthPageType.ForgotPassword, "Forgot your password?", "Send reset instructions")]
    [InlineData(AuthPageType.UpdatePassword, "Update Password", "Update")]
    public void Render_EachType_ShowsTitleAndSubmitButton(AuthPageType type, string title, string submit)
    {
        var cut = Page(p => p.Add(x => x.Type, type));

        Assert.Equal(title, cut.Find("h1").TextContent.Trim());
        Assert.Equal(submit, cut.SubmitButton().TextContent.Trim());
        Assert.Equal(type switch
        {
            AuthPageType.Register => "register",
            AuthPageType.ForgotPassword => "forgotPassword",
            AuthPageType.UpdatePassword => "updatePassword",
            _ => "login",
        }, cut.Find("[data-refine-auth-page]").GetAttribute("data-refine-auth-page"));
    }

    [Theory]
    [InlineData(AuthPageType.Login, "email:Email", "password:Password")]
    [InlineData(AuthPageType.Register, "email:Email", "password:Password")]
    [InlineData(AuthPageType.ForgotPassword, "email:Email")]
    [InlineData(AuthPageType.UpdatePassword, "currentPassword:Current Password", "password:New Password", "confirmPassword:Confirm New Password")]
    public void Render_EachType_HasLabelledNamedInputs(AuthPageType type, params string[] fields)
    {
        var cut = Page(p => p.Add(x => x.Type, type).Add(x => x.ShowCurrentPassword, true));

        foreach (var (id, label) in fields.Select(f => f.Split(':')).Select(f => (f[0], f[1])))
        {
            Assert.Equal(id, cut.Find("#" + id).GetAttribute("name"));
            Assert.Equal(label, cut.Find($"label[for={id}]").TextContent.Trim());
        }

        Assert.Equal(fields.Length, cut.FindAll("form [name=email], form [name=password], form [name=confirmPassword], form [name=currentPassword]").Count);
    }

    [Fact]
    public void Render_Login_HasRememberMeAndLinks()
    {
        var cut = Page();

        Assert.Equal("remember", cut.Find("#remember").GetAttribute("name"));
        Assert.Contains("Remember me", cut.Find("form").TextContent, StringComparison.Ordinal);
        Assert.Equal("register", cut.Find("[data-refine-link=register]").GetAttribute("href"));
        Assert.Equal("Sign up", cut.Find("[data-refine-link=register]").TextContent.Trim());
        Assert.Contains("Don’t have an account?", cut.Markup, StringComparison.Ordinal);
        Assert.Equal("forgot-password", cut.Find("[data-refine-link=forgot-password]").GetAttribute("href"));
        Assert.Equal("Forgot password?", cut.Find("[data-refine-link=forgot-password]").TextContent.Trim());
    }

    [Fact]
    public void Render_LinksAndRememberMeSetToFalse_HidesThem()
    {
        var cut = Page(p => p.Add(x => x.RegisterLink, false).Add(x => x.ForgotPasswordLink, false).Add(x => x.RememberMe, false));

        Assert.Empty(cut.FindAll("[data-refine-link]"));
        Assert.Empty(cut.FindAll("#remember"));
        Assert.DoesNotContain("Remember me", cut.Markup, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(AuthPageType.Register)]
    [InlineData(AuthPageType.ForgotPassword)]
    public void Render_LoginLink_ShownAndHiddenWithFalse(AuthPageType type)
    {
        var shown = Page(p => p.Add(x => x.Type, type));
        Assert.Equal("login", shown.Find("[data-refine-link=login]").GetAttribute("href"));
        Assert.Equal("Sign in", shown.Find("[data-refine-link=login]").TextContent.Trim());
        Assert.Contains("Have an account?", shown.Markup, StringComparison.Ordinal);

        var hidden = Page(p => p.Add(x => x.Type, type).Add(x => x.LoginLink, false));
        Assert.Empty(hidden.FindAll("[data-refine-link=login]"));
    }

    [Fact]
    public void Render_TitleStringAndFragment_ReplaceTheHeading()
    {
        Assert.Equal("Welcome back", Page(p => p.Add(x => x.Title, "Welcome back")).Find("h1").TextContent.Trim());

        var fragment = Page(p => p.Add(x => x.TitleContent, b => b.AddMarkupContent(0, "<img alt=\"Acme\" />")));
        Assert.Equal("Acme", fragment.Find("h1 img").GetAttribute("alt"));
    }

    [Fact]
    public void Render_HideTitle_RemovesTheHeadingAndItsLabel()
    {
        var cut = Page(p => p.Add(x => x.HideTitle, true));

        Assert.Empty(cut.FindAll("h1"));
        Assert.Empty(cut.FindAll("#refine-auth-title"));
        Assert.False(cut.Find("form").HasAttribute("aria-labelledby"));
    }

    [Fact]
    public void Render_Title_LabelsTheForm()
    {
        var cut = Page();

        Assert.Equal("refine-auth-title", cut.Find("form").GetAttribute("aria-labelledby"));
        Assert.Contains("Sign in to your account", cut.Find("#refine-auth-title").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_RenderContent_RendersOnlyItsOutput()
    {
        var cut = Page(p => p.Add(x => x.RenderContent, _ => b => b.AddMarkupContent(0, "<p id=\"custom\">custom</p>")));

        Assert.Equal("custom", cut.Find("#custom").TextContent);
        Assert.Empty(cut.FindAll("form"));
        Assert.Empty(cut.FindAll("h1"));
    }

    [Fact]
    public void Render_RenderContent_CanWrapContentAndTitle()
    {
        var cut = Page(p => p.Add(x => x.RenderContent, parts => b =>
        {
            b.OpenElement(0, "section");
            b.AddAttribute(1, "id", "wrapped");
            b.AddContent(2, parts.Title);
            b.AddMarkupContent(3, "<p id=\"extra\">extra</p>");
            b.AddContent(4, parts.Content);
            b.CloseElement();
        }));

        Assert.Equal("Sign in to your account", cut.Find("#wrapped h1").TextContent.Trim());
        Assert.NotNull(cut.Find("#wrapped #extra"));
        Assert.NotNull(cut.Find("#wrapped form"));
    }

    [Fact]
    public void Render_HideForm_ShowsProvidersWithoutTheForm()
    {
        var cut = Page(p => p.Add(x => x.HideForm, true).Add(x => x.Providers, [new AuthPageProvider { Name = "google" }]));

        Assert.Empty(cut.FindAll("form"));
        Assert.Empty(cut.FindAll("input[type=password], [type=password]"));
        Assert.NotNull(cut.Find("[data-provider=google]"));
        Assert.DoesNotContain(">or<", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_FormContentAndWrapperAttributes_AreSplatted()
    {
        var cut = Page(p => p
            .Add(x => x.FormAttributes, new Dictionary<string, object> { ["data-test"] = "login-form" })
            .Add(x => x.ContentAttributes, new Dictionary<string, object> { ["data-card"] = "yes" })
            .AddUnmatched("data-wrapper", "outer"));

        Assert.NotNull(cut.Find("form[data-test=login-form]"));
        Assert.NotNull(cut.Find("[data-card=yes] form"));
        Assert.NotNull(cut.Find("[data-refine-auth-page][data-wrapper=outer]"));
    }

    [Fact]
    public async Task Submit_Login_CallsLoginWithTheFormValues()
    {
        var cut = Page();

        await cut.TypeAsync("email", "  ann@example.com ");
        await cut.TypeAsync("password", "s3cret");
        await cut.TickAsync("remember");
        await cut.SubmitFormAsync();

        var login = Provider.RequestsOf<LoginRequest>().Single();
        Assert.Equal(("ann@example.com", "s3cret", true, null), (login.Email, login.Password, login.Remember, login.ProviderName));
    }

    [Fact]
    public async Task Submit_Register_CallsRegisterWithTheFormValues()
    {
        var cut = Page(p => p.Add(x => x.Type, AuthPageType.Register));

        await cut.TypeAsync("email", "bob@example.com");
        await cut.TypeAsync("password", "pw");
        await cut.SubmitFormAsync();

        var register = Provider.RequestsOf<RegisterRequest>().Single();
        Assert.Equal(("bob@example.com", "pw"), (register.Email, register.Password));
    }

    [Fact]
    public async Task Submit_ForgotPassword_CallsForgotPasswordWithTheEmail()
    {
        var cut = Page(p => p.Add(x => x.Type, AuthPageType.ForgotPassword));

        await cut.TypeAsync("email", "bob@example.com");
        await cut.SubmitFormAsync();

        Assert.Equal("bob@example.com", Provider.RequestsOf<ForgotPasswordRequest>().Single().Email);
    }

    [Fact]
    public async Task Submit_UpdatePassword_SendsAllPasswordsAndTheUrlParameters()
    {
        Navigation.NavigateTo("/update-password?token=abc123&email=ann%40example.com");
        var cut = Page(p => p.Add(x => x.Type, AuthPageType.UpdatePassword).Add(x => x.ShowCurrentPassword, true));

        await cut.TypeAsync("currentPassword", "0ld");
        await cut.TypeAsync("password", "n3w");
        await cut.TypeAsync("confirmPassword", "n3w");
        await cut.SubmitFormAsync();

        var update = Provider.RequestsOf<UpdatePasswordRequest>().Single();
        Assert.Equal(("0ld", "n3w", "n3w"), (update.CurrentPassword, update.Password, update.ConfirmPassword));
        Assert.Equal("abc123", update.GetExtraString("token"));
        Assert.Equal("ann@example.com", update.GetExtraString("email"));
    }

    [Fact]
    public async Task Click_ProviderButtons_CallLoginOrRegisterWithTheProviderName()
    {
        var login = Page(p => p.Add(x => x.Providers, [new AuthPageProvider { Name = "google", Label = "Sign in with Google" }]));
        Assert.Equal("Sign in with Google", login.Find("[data-provider=google]").TextContent.Trim());
        await login.Find("[data-provider=google]").ClickAsync(new MouseEventArgs());

        var register = Page(p => p
            .Add(x => x.Type, AuthPageType.Register)
            .Add(x => x.Providers, [new AuthPageProvider { Name = "github", Icon = b => b.AddMarkupContent(0, "<svg id=\"gh\"></svg>") }]));
        Assert.NotNull(register.Find("[data-provider=github] svg#gh"));
        await register.Find("[data-provider=github]").ClickAsync(new MouseEventArgs());

        Assert.Equal("google", Provider.RequestsOf<LoginRequest>().Single().ProviderName);
        Assert.Equal("github", Provider.RequestsOf<RegisterRequest>().Single().ProviderName);
    }

    [Fact]
    public async Task Submit_MutationVariables_AreMergedIntoEveryRequest()
    {
        var variables = new Dictionary<string, object?> { ["tenant"] = "acme" };
        var login = Page(p => p.Add(x => x.MutationVariables, variables).Add(x => x.Providers, [new AuthPageProvider { Name = "google" }]));
        await login.TypeAsync("email", "ann@example.com");
        await login.TypeAsync("password", "pw");
        await login.SubmitFormAsync();
        await login.Find("[data-provider=google]").ClickAsync(new MouseEventArgs());
        var register = Page(p => p.Add(x => x.Type, AuthPageType.Register).Add(x => x.MutationVariables, variables));
        await register.TypeAsync("email", "ann@example.com");
        await register.TypeAsync("password", "pw");
        await register.SubmitFormAsync();
        var forgot = Page(p => p.Add(x => x.Type, AuthPageType.ForgotPassword).Add(x => x.MutationVariables, variables));
        await forgot.TypeAsync("email", "ann@example.com");
        await forgot.SubmitFormAsync();
        var update = Page(p => p.Add(x => x.Type, AuthPageType.UpdatePassword).Add(x => x.MutationVariables, variables));
        await update.TypeAsync("password", "pw");
        await update.TypeAsync("confirmPassword", "pw");
        await update.SubmitFormAsync();

        var requests = Provider.Calls.Where(c => c.Member != nameof(AuthProvider.CheckAsync)).Select(c => c.Request).ToList();
        Assert.Equal(5, requests.Count);
        Assert.All(requests, r => Assert.Equal("acme", r.GetExtraString("tenant")));
    }

    /// <summary>The token a server would issue; the static form must carry it.</summary>
    private sealed class TestAntiforgery : AntiforgeryStateProvider
    {
        public override AntiforgeryRequestToken GetAntiforgeryToken() => new("test-token", "__RequestVerificationToken");
    }
}
