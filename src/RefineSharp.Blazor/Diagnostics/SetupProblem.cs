namespace RefineSharp.Blazor.Diagnostics;

/// <summary>A setup mistake a component can see only while it renders.</summary>
internal enum SetupProblem
{
    /// <summary>Rendered outside <c>&lt;Refine&gt;</c> (or <c>&lt;RefineAuthStateCascade&gt;</c>).</summary>
    NoRefine,

    /// <summary>Rendered by static server rendering where only an interactive render would ever ask the provider.</summary>
    NotInteractive,
}
