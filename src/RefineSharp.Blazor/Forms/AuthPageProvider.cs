using Microsoft.AspNetCore.Components;

namespace RefineSharp.Blazor;

/// <summary>An external sign-in button on the login or sign-up page; clicking it sends <see cref="Name"/> as ProviderName.</summary>
public sealed record AuthPageProvider
{
    /// <summary>The name sent to the provider (for example "google").</summary>
    public required string Name { get; init; }

    /// <summary>An icon shown before the label.</summary>
    public RenderFragment? Icon { get; init; }

    /// <summary>The button text; defaults to <see cref="Name"/>.</summary>
    public string? Label { get; init; }
}
