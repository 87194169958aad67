using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using Bunit;
using Bunit.Rendering;
using Microsoft.AspNetCore.Components;

namespace RefineSharp.Testing;

/// <summary>
/// Gives the renderer an interactive RendererInfo when the test set none, at the moment the first component is
/// created. Setting it earlier would build bUnit's service provider and forbid the test to register more services.
/// </summary>
internal sealed class InteractiveByDefault : IComponentFactory
{
    private readonly BunitContext _context;
    private bool _checked;

    public InteractiveByDefault(BunitContext context) => _context = context;

    public bool CanCreate(Type componentType)
    {
        if (!_checked)
        {
            _checked = true;
            if (!HasRendererInfo())
            {
                _context.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
            }
        }

        return false;
    }

    // BunitRenderer exposes RendererInfo only to subclasses and throws while none is set.
    [UnconditionalSuppressMessage("Trimming", "IL2075", Justification = "Test helper; the renderer type is never trimmed.")]
    private bool HasRendererInfo()
    {
        var property = _context.Renderer.GetType().GetProperty("RendererInfo", BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic);
        try
        {
            return property?.GetValue(_context.Renderer) is not null;
        }
        catch (TargetInvocationException ex) when (ex.InnerException is MissingRendererInfoException)
        {
            return false;
        }
    }

    public IComponent Create(Type componentType) =>
        throw new NotSupportedException("This factory only sets the renderer info; it never creates components.");
}
