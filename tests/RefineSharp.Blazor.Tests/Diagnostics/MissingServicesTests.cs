using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace RefineSharp.Blazor.Tests.Diagnostics;

/// <summary>
/// Forgetting <c>AddRefine()</c> or <c>AddBlazor()</c>: the first render fails with RefineSharp's message naming both
/// calls, not the container's "There is no registered service of type ...".
/// </summary>
public sealed class MissingServicesTests : BunitContext
{
    private const string Fix = "builder.Services.AddRefine().AddBlazor()";

    public MissingServicesTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    public static TheoryData<string, bool> Cases()
    {
        var data = new TheoryData<string, bool>();
        foreach (var component in new[] { nameof(Refine), nameof(Authenticated), nameof(AuthIdentity<object>), nameof(AuthPage) })
        {
            data.Add(component, false);
            data.Add(component, true);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void FirstRender_WithoutRefineServices_NamesTheCallsToAdd(string component, bool addRefineOnly)
    {
        if (addRefineOnly)
        {
            // AddRefine() without AddBlazor(): the engine exists, the Blazor services do not.
            Services.AddRefine();
        }

        SetRendererInfo(new RendererInfo("Server", isInteractive: true));

        var error = Assert.ThrowsAny<Exception>(() => RenderByName(component));

        var messages = Chain(error).Select(e => e.Message).ToList();
        Assert.Contains(messages, m => m.Contains(Fix, StringComparison.Ordinal));
        Assert.DoesNotContain(messages, m => m.Contains("There is no registered service", StringComparison.Ordinal));
    }

    private static IEnumerable<Exception> Chain(Exception error)
    {
        for (var e = error; e is not null; e = e.InnerException)
        {
            yield return e;
        }
    }

    private void RenderByName(string component)
    {
        switch (component)
        {
            case nameof(Refine):
                Render<Refine>();
                break;
            case nameof(Authenticated):
                Render<Authenticated>();
                break;
            case nameof(AuthPage):
                Render<AuthPage>();
                break;
            default:
                Render<AuthIdentity<object>>();
                break;
        }
    }
}
