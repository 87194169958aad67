using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RefineSharp.Blazor.Tests.TestDoubles;

namespace RefineSharp.Blazor.Tests.Components;

/// <summary>ADR 0002 item 7: without an auth provider every component fails closed and the log names the fix.</summary>
public sealed class AuthenticatedWithoutProviderTests : BunitContext
{
    private const string Fix = "No AuthProvider is registered. Call services.AddRefine().AddAuthProvider<T>()";

    private readonly RecordingLoggerProvider _log = new();

    public AuthenticatedWithoutProviderTests()
    {
        Services.AddSingleton(_log.Factory());
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    [Fact]
    public void Render_NoAuthProvider_NeverRendersTheChildren()
    {
        Services.AddRefine().AddBlazor();
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));

        var cut = Render<Authenticated>(p => p.AddChildContent("<p id=\"secret\">secret</p>"));

        Assert.Empty(cut.FindAll("#secret"));
        Assert.DoesNotContain("secret", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_NoAuthProvider_LogsAnErrorThatNamesTheFix()
    {
        Services.AddRefine().AddBlazor();
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));

        Render<Authenticated>(p => p.AddChildContent("<p>secret</p>"));

        Assert.Contains(_log.Entries, e => e.Level == LogLevel.Error && e.Message.Contains(Fix, StringComparison.Ordinal));
    }

    [Fact]
    public void Render_NoAuthProviderWithFallback_RendersTheFallbackNotTheChildren()
    {
        Services.AddRefine().AddBlazor();
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));

        var cut = Render<Authenticated>(p => p
            .AddChildContent("<p id=\"secret\">secret</p>")
            .Add(a => a.Fallback, result => builder => builder.AddMarkupContent(0, $"<p id=\"fallback\">{result.Authenticated}</p>")));

        Assert.Empty(cut.FindAll("#secret"));
        Assert.Equal("False", cut.Find("#fallback").TextContent);
    }

    [Fact]
    public void Render_NoAuthProvider_DoesNotNavigate()
    {
        Services.AddRefine().AddBlazor();
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        var navigation = Services.GetRequiredService<NavigationManager>();
        var before = navigation.Uri;

        Render<Authenticated>(p => p.AddChildContent("<p>secret</p>").Add(a => a.RedirectOnFail, "/login"));

        Assert.Equal(before, navigation.Uri);
    }

    [Fact]
    public void Render_AuthIdentityWithoutProvider_RendersNothingAndLogsTheFix()
    {
        Services.AddRefine().AddBlazor();
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));

        var cut = Render<AuthIdentity<UserIdentity>>(p => p.Add(a => a.ChildContent, me => builder => builder.AddMarkupContent(0, "<p id=\"child\">child</p>")));

        Assert.Empty(cut.FindAll("#child"));
        Assert.Contains(_log.Entries, e => e.Level == LogLevel.Error && e.Message.Contains(Fix, StringComparison.Ordinal));
    }

    [Fact]
    public void Render_AuthPermissionsWithoutProvider_RendersNothing()
    {
        Services.AddRefine().AddBlazor();
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));

        var cut = Render<AuthPermissions<IReadOnlyList<string>>>(p => p.Add(a => a.ChildContent, _ => builder => builder.AddMarkupContent(0, "<p id=\"child\">child</p>")));

        Assert.Empty(cut.FindAll("#child"));
    }

    [Fact]
    public async Task GetAuthenticationStateAsync_NoAuthProvider_IsAnonymousAndLogsTheFix()
    {
        Services.AddRefine().AddBlazor();
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        Render<RefineReady>();

        var state = await Services.GetRequiredService<AuthenticationStateProvider>().GetAuthenticationStateAsync();

        Assert.False(state.User.Identity?.IsAuthenticated);
        Assert.Contains(_log.Entries, e => e.Level == LogLevel.Error && e.Message.Contains(Fix, StringComparison.Ordinal));
    }

    [Fact]
    public void Render_WithoutAddBlazor_ThrowsAnErrorThatSaysHowToFixIt()
    {
        Services.AddRefine().AddAuthProvider(new RefineSharp.Testing.FakeAuthProvider());
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));

        var error = Assert.ThrowsAny<Exception>(() => Render<Authenticated>());

        Assert.Contains("AddBlazor()", error.Message, StringComparison.Ordinal);
    }
}
