using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RefineSharp.Blazor.Tests.TestDoubles;

namespace RefineSharp.Blazor.Tests.Diagnostics;

/// <summary>
/// A guard rendered by static server rendering (no render mode) with the auth state in the browser would show
/// Loading forever: in Development it names <c>@rendermode InteractiveServer</c>; elsewhere it fails closed with a
/// generic text. Prerendering (a render mode is assigned) and server-side sessions (the answer is known statically)
/// are not mistakes and keep their behaviour.
/// </summary>
public sealed class StaticRenderTests : RefineTestBase
{
    private static readonly RenderFragment Protected = b => b.AddMarkupContent(0, "<p id=\"secret\">secret</p>");
    private static readonly RenderFragment Spinner = b => b.AddMarkupContent(0, "<p id=\"loading\">Loading…</p>");
    private readonly RecordingLoggerProvider _log = new();

    public StaticRenderTests()
    {
        Services.AddSingleton(_log.Factory());
        Refine.SetAuthenticated("ann");
    }

    [Fact]
    public void Authenticated_StaticallyRendered_InDevelopment_NamesTheRenderMode()
    {
        HostEnvironment.Use(Services, "Development");
        Prerender();

        var cut = Render<Refine>(p => p.AddChildContent(Guard()));

        var message = cut.Find("[data-refine-setup-error=not-interactive]").TextContent;
        Assert.Contains("@rendermode InteractiveServer", message, StringComparison.Ordinal);
        Assert.Contains("<Authenticated>", message, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("#loading"));
        Assert.Empty(cut.FindAll("#secret"));
    }

    [Fact]
    public void Authenticated_StaticallyRendered_InProduction_FailsClosedWithoutInternals()
    {
        HostEnvironment.Use(Services, "Production");
        Prerender();

        var cut = Render<Refine>(p => p.AddChildContent(Guard()));

        Assert.Equal("Something went wrong", cut.Find("[data-refine-setup-error]").TextContent);
        Assert.DoesNotContain("rendermode", cut.Markup, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(cut.FindAll("#loading"));
        Assert.Empty(cut.FindAll("#secret"));
        Assert.Contains(_log.Entries, e => e.Level == LogLevel.Error && e.Message.Contains("@rendermode InteractiveServer", StringComparison.Ordinal));
    }

    [Fact]
    public void Authenticated_Prerendered_WithARenderMode_ShowsLoadingAsBefore()
    {
        HostEnvironment.Use(Services, "Development");
        Prerender();

        var cut = Render<Refine>(p => p.AddChildContent(Guard()).SetAssignedRenderMode(RenderMode.InteractiveServer));

        Assert.NotNull(cut.Find("#loading"));
        Assert.Empty(cut.FindAll("[data-refine-setup-error]"));
    }

    [Fact]
    public void Authenticated_StaticallyRendered_WithServerSideSessions_RendersTheAnswer()
    {
        // AddServerSessions() sets ResolveDuringPrerender: the provider answers during a static render.
        Services.Configure<RefineBlazorOptions>(o => o.ResolveDuringPrerender = true);
        HostEnvironment.Use(Services, "Development");
        Prerender();

        var cut = Render<Refine>(p => p.AddChildContent(Guard()));
        Settle();

        Assert.Equal("secret", cut.Find("#secret").TextContent);
        Assert.Empty(cut.FindAll("[data-refine-setup-error]"));
    }

    [Fact]
    public void Authenticated_Interactive_InDevelopment_HasNoMessage()
    {
        HostEnvironment.Use(Services, "Development");

        var cut = Render<Refine>(p => p.AddChildContent(Guard()));
        Settle();

        Assert.Equal("secret", cut.Find("#secret").TextContent);
        Assert.Empty(cut.FindAll("[data-refine-setup-error]"));
    }

    [Fact]
    public void AuthPage_StaticallyRendered_InDevelopment_StaysAStaticFormWithoutMessage()
    {
        // The sign-in form is static by design (it posts): never reported as missing interactivity.
        HostEnvironment.Use(Services, "Development");
        Prerender();

        var cut = Render<Refine>(p => p.AddChildContent<AuthPage>());

        Assert.Empty(cut.FindAll("[data-refine-setup-error]"));
        Assert.Equal("post", cut.Find("form").GetAttribute("method"));
        Assert.NotNull(cut.Find("[data-refine-static]"));
    }

    private static RenderFragment Guard() => b =>
    {
        b.OpenComponent<Authenticated>(0);
        b.AddComponentParameter(1, nameof(Authenticated.ChildContent), Protected);
        b.AddComponentParameter(2, nameof(Authenticated.Loading), Spinner);
        b.CloseComponent();
    };
}
