namespace RefineSharp.Blazor;

/// <summary>The link under an auth form ("Don’t have an account? Sign up").</summary>
/// <param name="Name">What it links to ("register" or "login"); rendered as data-refine-link.</param>
/// <param name="Prompt">The localized text before the link.</param>
/// <param name="Text">The localized link text.</param>
/// <param name="Href">The address, relative to &lt;base href&gt;.</param>
public sealed record AuthFormLink(string Name, string Prompt, string Text, string Href);
