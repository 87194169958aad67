using Microsoft.AspNetCore.Components;

namespace RefineSharp.Blazor;

/// <summary>The parts an <see cref="AuthPage"/> hands to its RenderContent (refine's <c>renderContent(content, title)</c>).</summary>
/// <param name="Content">The form with its links and provider buttons.</param>
/// <param name="Title">The heading, or null when it is hidden.</param>
public sealed record AuthPageContent(RenderFragment Content, RenderFragment? Title);
