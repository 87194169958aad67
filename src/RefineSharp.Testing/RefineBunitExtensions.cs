using Bunit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using RefineSharp.Blazor;

namespace RefineSharp.Testing;

/// <summary>Adds RefineSharp with a fake provider to a bUnit test, like bUnit's <c>AddAuthorization()</c>.</summary>
public static class RefineBunitExtensions
{
    /// <summary>
    /// Registers <c>AddRefine().AddBlazor()</c> with a <see cref="FakeAuthProvider"/> (not authenticated until you say
    /// otherwise) and the real authorization services (for AuthorizeView), renders interactively (call <c>SetRendererInfo</c> afterwards to test prerendering) and answers
    /// RefineSharp's JavaScript module calls loosely.
    /// </summary>
    public static RefineTestContext AddRefine(this BunitContext context) => context.AddRefine(new FakeAuthProvider());

    /// <summary>Like <see cref="AddRefine(BunitContext)"/>, with your own fake (for example a <see cref="FakeMinimalAuthProvider"/>).</summary>
    public static RefineTestContext AddRefine(this BunitContext context, FakeAuthProviderBase provider)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(provider);
        context.Services.AddRefine().AddAuthProvider(provider).AddBlazor();

        // bUnit registers a placeholder that throws; RefineSharp's claims bridge needs the real policy evaluation.
        context.Services.RemoveAll<IAuthorizationService>();
        context.Services.AddAuthorizationCore();
        context.ComponentFactories.Add(new InteractiveByDefault(context));
        context.JSInterop.SetupModule(RefineJsModule.Path).Mode = JSRuntimeMode.Loose;
        return new RefineTestContext(context, provider);
    }
}
