using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RefineSharp.Blazor.Tests.TestDoubles;

namespace RefineSharp.Blazor.Tests.Diagnostics;

/// <summary>
/// A RefineSharp component rendered with no &lt;Refine&gt; above it: in Development it says "Wrap your Routes in
/// &lt;Refine&gt;" instead of its content; in Production it shows a generic text (no internals) and hides its content;
/// the log names the fix in both. Inside &lt;Refine&gt; (or an island's &lt;RefineAuthStateCascade&gt;) nothing changes.
/// </summary>
public sealed class OutsideRefineTests : RefineTestBase
{
    private const string Fix = "Wrap your Routes in <Refine>";
    private static readonly RenderFragment Protected = b => b.AddMarkupContent(0, "<p id=\"secret\">secret</p>");
    private readonly RecordingLoggerProvider _log = new();

    public OutsideRefineTests()
    {
        Services.AddSingleton(_log.Factory());
        Refine.SetAuthenticated("ann");
    }

    [Fact]
    public void Authenticated_OutsideRefine_InDevelopment_NamesTheFixInsteadOfTheContent()
    {
        HostEnvironment.Use(Services, "Development");

        var cut = Render<Authenticated>(p => p.AddChildContent(Protected));
        Settle();

        var message = cut.Find("[data-refine-setup-error=no-refine]");
        Assert.Contains(Fix, message.TextContent, StringComparison.Ordinal);
        Assert.Contains("<Authenticated>", message.TextContent, StringComparison.Ordinal);
        Assert.Equal("alert", message.GetAttribute("role"));
        Assert.Empty(cut.FindAll("#secret"));
    }

    [Fact]
    public void Authenticated_InsideRefine_InDevelopment_RendersTheContent()
    {
        HostEnvironment.Use(Services, "Development");

        var cut = Render<Refine>(p => p.AddChildContent<Authenticated>(a => a.AddChildContent(Protected)));
        Settle();

        Assert.Equal("secret", cut.Find("#secret").TextContent);
        Assert.Empty(cut.FindAll("[data-refine-setup-error]"));
    }

    [Fact]
    public void Authenticated_InsideAnIslandCascade_InDevelopment_RendersTheContent()
    {
        HostEnvironment.Use(Services, "Development");

        var cut = Render<RefineAuthStateCascade>(p => p.AddChildContent<Authenticated>(a => a.AddChildContent(Protected)));
        Settle();

        Assert.Equal("secret", cut.Find("#secret").TextContent);
        Assert.Empty(cut.FindAll("[data-refine-setup-error]"));
    }

    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    [InlineData("development-ish")]
    public void Authenticated_OutsideRefine_OutsideDevelopment_ShowsAGenericTextAndLogsTheFix(string environment)
    {
        HostEnvironment.Use(Services, environment);

        var cut = Render<Authenticated>(p => p.AddChildContent(Protected));
        Settle();

        var message = cut.Find("[data-refine-setup-error]");
        Assert.Equal("Something went wrong", message.TextContent);
        Assert.DoesNotContain("Refine", cut.Markup, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("#secret"));
        Assert.Contains(_log.Entries, e => e.Level == LogLevel.Error && e.Message.Contains(Fix, StringComparison.Ordinal));
    }

    [Fact]
    public void Authenticated_OutsideRefine_RerenderedOften_LogsOnce()
    {
        HostEnvironment.Use(Services, "Production");

        var cut = Render<Authenticated>(p => p.AddChildContent(Protected));
        Settle();
        for (var i = 0; i < 5; i++)
        {
            cut.Render(p => p.AddChildContent(Protected));
        }

        Assert.Single(_log.Entries, e => e.Message.Contains(Fix, StringComparison.Ordinal));
    }

    [Fact]
    public void AuthIdentity_OutsideRefine_InDevelopment_NamesItsOwnTagAndTheFix()
    {
        HostEnvironment.Use(Services, "Development");

        var cut = Render<AuthIdentity<UserIdentity>>(p => p.Add(a => a.ChildContent, user => b => b.AddContent(0, user?.Name)));
        Settle();

        var message = cut.Find("[data-refine-setup-error=no-refine]").TextContent;
        Assert.Contains("<AuthIdentity>", message, StringComparison.Ordinal);
        Assert.Contains(Fix, message, StringComparison.Ordinal);
    }

    [Fact]
    public void AuthPage_OutsideRefine_InDevelopment_KeepsTheFormAndAddsTheMessage()
    {
        HostEnvironment.Use(Services, "Development");

        var cut = Render<AuthPage>();

        Assert.Contains(Fix, cut.Find("[data-refine-setup-error=no-refine]").TextContent, StringComparison.Ordinal);
        Assert.NotNull(cut.Find("form"));
    }

    [Fact]
    public void AuthPage_OutsideRefine_InProduction_KeepsTheFormWithoutAnyMessage()
    {
        HostEnvironment.Use(Services, "Production");

        var cut = Render<AuthPage>();

        Assert.Empty(cut.FindAll("[data-refine-setup-error]"));
        Assert.NotNull(cut.Find("form"));
        Assert.Contains(_log.Entries, e => e.Level == LogLevel.Error && e.Message.Contains("<AuthPage>", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Development")]
    [InlineData("Production")]
    public async Task AuthPage_OutsideRefine_WrongPassword_IsNotSilent(string environment)
    {
        // The symptom: without <Refine> (and so without its notification outlet) a refused sign-in said nothing.
        HostEnvironment.Use(Services, environment);
        Provider.LoginResult = AuthActionResult.Fail("Login failed", "Invalid email or password");

        var cut = Render<AuthPage>();
        await cut.Find("#email").InputAsync(new ChangeEventArgs { Value = "ann@example.com" });
        await cut.Find("#password").InputAsync(new ChangeEventArgs { Value = "wrong" });
        await cut.Find("form").SubmitAsync();

        cut.WaitForAssertion(() => Assert.Contains("Invalid email or password", cut.Find("[data-refine-error-summary]").TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public void AuthPage_InsideRefine_InDevelopment_HasNoMessage()
    {
        HostEnvironment.Use(Services, "Development");

        var cut = Render<Refine>(p => p.AddChildContent<AuthPage>());

        Assert.Empty(cut.FindAll("[data-refine-setup-error]"));
        Assert.NotNull(cut.Find("form"));
    }

    [Fact]
    public void Authenticated_WithoutAHost_IsNotChecked()
    {
        // bUnit tests of an app's own components render them on their own: without a host's configuration no check runs.
        var cut = Render<Authenticated>(p => p.AddChildContent(Protected));
        Settle();

        Assert.Equal("secret", cut.Find("#secret").TextContent);
    }
}
